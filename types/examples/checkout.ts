// A patient's checkout with supabase-js v2, typed by the generated types/database.ts.
// `make pytest` type-checks this file (tests/test_types.py): the calls below must match the
// functions and tables the schema has, and the @ts-expect-error lines must stay errors.
import { createClient } from '@supabase/supabase-js'
import type { Database } from '../database'

type Order = Database['public']['Tables']['orders']['Row']
type QuoteCartArgs = Database['public']['Functions']['quote_cart']['Args']

const supabase = createClient<Database>('http://127.0.0.1:54321', 'the-anon-key')

// Step 1: the total the patient is shown (tax-inclusive prices: GST is inside each line).
export async function quote(cartId: string, addressId: string, couponCode?: string) {
  const args: QuoteCartArgs = { p_cart_id: cartId, p_address_id: addressId }
  if (couponCode) args.p_coupon_code = couponCode
  const { data, error } = await supabase.rpc('quote_cart', args).single()
  if (error) throw new Error(`${error.code}: ${error.message}`)
  const shown: number = data.net_amount
  return shown
}

// Step 2: charge exactly that total; OM070 means it changed since it was shown.
export async function checkout(
  cartId: string,
  addressId: string,
  shownTotal: number,
  couponCode?: string,
): Promise<Order> {
  const { data, error } = await supabase.rpc('place_order', {
    p_cart_id: cartId,
    p_address_id: addressId,
    p_expected_total: shownTotal,
    p_coupon_code: couponCode,
  })
  if (error) {
    // The database's own codes (docs/errors.md): show the message, act on the code.
    if (error.code === 'OM070') throw new Error(`The total changed: ${error.message}`)
    if (error.code === 'OM010') throw new Error(`Out of stock: ${error.message}`)
    throw new Error(`${error.code}: ${error.message}`)
  }
  const paid: number = data.net_amount
  console.log(`order ${data.id}: ${data.status}, ${paid} rupees`)
  return data
}

export async function openCartItems(profileId: string) {
  const { data, error } = await supabase
    .from('carts')
    .select('id, status, cart_items(service_catalog_id, qty, vendor_id, branch_id, slot_id)')
    .eq('profile_id', profileId)
    .eq('status', 'OPEN')
    .maybeSingle()
  if (error) throw error
  return data?.cart_items ?? []
}

export async function misuse(cartId: string, addressId: string) {
  // @ts-expect-error p_cart_id is a uuid string, not a number
  await supabase.rpc('place_order', { p_cart_id: 42, p_address_id: addressId, p_expected_total: 1 })
  // @ts-expect-error p_address_id is required
  await supabase.rpc('place_order', { p_cart_id: cartId })
  // @ts-expect-error there is no such function
  await supabase.rpc('place_orders', { p_cart_id: cartId, p_address_id: addressId })
  // @ts-expect-error carts.status is an enum: OPEN, CHECKED_OUT or ABANDONED
  await supabase.from('carts').select('id').eq('status', 'SHIPPED')
}
