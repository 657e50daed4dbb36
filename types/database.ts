export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      addresses: {
        Row: {
          city_id: string
          coords: unknown
          created_at: string
          id: string
          is_default: boolean
          line_1: string
          line_2: string | null
          pincode: string
          profile_id: string
          tag: string
          updated_at: string
        }
        Insert: {
          city_id: string
          coords?: unknown
          created_at?: string
          id?: string
          is_default?: boolean
          line_1: string
          line_2?: string | null
          pincode: string
          profile_id: string
          tag?: string
          updated_at?: string
        }
        Update: {
          city_id?: string
          coords?: unknown
          created_at?: string
          id?: string
          is_default?: boolean
          line_1?: string
          line_2?: string | null
          pincode?: string
          profile_id?: string
          tag?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "addresses_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "addresses_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      audit_logs: {
        Row: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id: string | null
          actor_kind: Database["public"]["Enums"]["audit_actor_kind"] | null
          after_state: Json | null
          before_state: Json | null
          created_at: string
          entity_id: string
          entity_type: string
          id: string
        }
        Insert: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id?: string | null
          actor_kind?: Database["public"]["Enums"]["audit_actor_kind"] | null
          after_state?: Json | null
          before_state?: Json | null
          created_at?: string
          entity_id: string
          entity_type: string
          id?: string
        }
        Update: {
          action?: Database["public"]["Enums"]["audit_action"]
          actor_id?: string | null
          actor_kind?: Database["public"]["Enums"]["audit_actor_kind"] | null
          after_state?: Json | null
          before_state?: Json | null
          created_at?: string
          entity_id?: string
          entity_type?: string
          id?: string
        }
        Relationships: []
      }
      availability_slots: {
        Row: {
          booked_count: number
          branch_id: string | null
          capacity: number
          created_at: string
          end_time: string
          id: string
          service_catalog_id: string
          start_time: string
          updated_at: string
          vendor_id: string
          version: number
        }
        Insert: {
          booked_count?: number
          branch_id?: string | null
          capacity?: number
          created_at?: string
          end_time: string
          id?: string
          service_catalog_id: string
          start_time: string
          updated_at?: string
          vendor_id: string
          version?: number
        }
        Update: {
          booked_count?: number
          branch_id?: string | null
          capacity?: number
          created_at?: string
          end_time?: string
          id?: string
          service_catalog_id?: string
          start_time?: string
          updated_at?: string
          vendor_id?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "availability_slots_branch_of_vendor"
            columns: ["vendor_id", "branch_id"]
            isOneToOne: false
            referencedRelation: "vendor_locations"
            referencedColumns: ["vendor_id", "id"]
          },
          {
            foreignKeyName: "availability_slots_service_catalog_id_fkey"
            columns: ["service_catalog_id"]
            isOneToOne: false
            referencedRelation: "service_catalog"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "availability_slots_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      cart_items: {
        Row: {
          branch_id: string | null
          cart_id: string
          created_at: string
          id: string
          qty: number
          service_catalog_id: string
          slot_id: string | null
          updated_at: string
          vendor_id: string | null
        }
        Insert: {
          branch_id?: string | null
          cart_id: string
          created_at?: string
          id?: string
          qty?: number
          service_catalog_id: string
          slot_id?: string | null
          updated_at?: string
          vendor_id?: string | null
        }
        Update: {
          branch_id?: string | null
          cart_id?: string
          created_at?: string
          id?: string
          qty?: number
          service_catalog_id?: string
          slot_id?: string | null
          updated_at?: string
          vendor_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "cart_items_branch_of_vendor"
            columns: ["vendor_id", "branch_id"]
            isOneToOne: false
            referencedRelation: "vendor_locations"
            referencedColumns: ["vendor_id", "id"]
          },
          {
            foreignKeyName: "cart_items_cart_id_fkey"
            columns: ["cart_id"]
            isOneToOne: false
            referencedRelation: "carts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "cart_items_service_catalog_id_fkey"
            columns: ["service_catalog_id"]
            isOneToOne: false
            referencedRelation: "service_catalog"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "cart_items_slot_id_fkey"
            columns: ["slot_id"]
            isOneToOne: false
            referencedRelation: "availability_slots"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "cart_items_slot_id_fkey"
            columns: ["slot_id"]
            isOneToOne: false
            referencedRelation: "doctor_slots"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "cart_items_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      carts: {
        Row: {
          checked_out_at: string | null
          created_at: string
          id: string
          profile_id: string
          status: Database["public"]["Enums"]["cart_status"]
          updated_at: string
        }
        Insert: {
          checked_out_at?: string | null
          created_at?: string
          id?: string
          profile_id: string
          status?: Database["public"]["Enums"]["cart_status"]
          updated_at?: string
        }
        Update: {
          checked_out_at?: string | null
          created_at?: string
          id?: string
          profile_id?: string
          status?: Database["public"]["Enums"]["cart_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "carts_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      cities: {
        Row: {
          centre: unknown
          created_at: string
          id: string
          name: string
          state_code: string
          updated_at: string
        }
        Insert: {
          centre?: unknown
          created_at?: string
          id?: string
          name: string
          state_code: string
          updated_at?: string
        }
        Update: {
          centre?: unknown
          created_at?: string
          id?: string
          name?: string
          state_code?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "cities_state_code_fkey"
            columns: ["state_code"]
            isOneToOne: false
            referencedRelation: "states"
            referencedColumns: ["code"]
          },
        ]
      }
      consult_pricing: {
        Row: {
          branch_id: string
          created_at: string
          doctor_id: string
          id: string
          mrp: number
          price: number
          updated_at: string
          vendor_id: string
        }
        Insert: {
          branch_id: string
          created_at?: string
          doctor_id: string
          id?: string
          mrp: number
          price: number
          updated_at?: string
          vendor_id: string
        }
        Update: {
          branch_id?: string
          created_at?: string
          doctor_id?: string
          id?: string
          mrp?: number
          price?: number
          updated_at?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "consult_pricing_branch_of_vendor"
            columns: ["vendor_id", "branch_id"]
            isOneToOne: false
            referencedRelation: "vendor_locations"
            referencedColumns: ["vendor_id", "id"]
          },
          {
            foreignKeyName: "consult_pricing_doctor_id_fkey"
            columns: ["doctor_id"]
            isOneToOne: false
            referencedRelation: "doctors"
            referencedColumns: ["id"]
          },
        ]
      }
      content_master: {
        Row: {
          author_id: string | null
          content_url: string
          created_at: string
          id: string
          published_at: string | null
          title: string
          type: Database["public"]["Enums"]["content_type"]
          updated_at: string
        }
        Insert: {
          author_id?: string | null
          content_url: string
          created_at?: string
          id?: string
          published_at?: string | null
          title: string
          type: Database["public"]["Enums"]["content_type"]
          updated_at?: string
        }
        Update: {
          author_id?: string | null
          content_url?: string
          created_at?: string
          id?: string
          published_at?: string | null
          title?: string
          type?: Database["public"]["Enums"]["content_type"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "content_master_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      coupon_redemptions: {
        Row: {
          coupon_id: string
          created_at: string
          id: string
          order_id: string
          profile_id: string
          redeemed_at: string
          updated_at: string
        }
        Insert: {
          coupon_id: string
          created_at?: string
          id?: string
          order_id: string
          profile_id: string
          redeemed_at?: string
          updated_at?: string
        }
        Update: {
          coupon_id?: string
          created_at?: string
          id?: string
          order_id?: string
          profile_id?: string
          redeemed_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "coupon_redemptions_coupon_id_fkey"
            columns: ["coupon_id"]
            isOneToOne: false
            referencedRelation: "coupons"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "coupon_redemptions_matches_order"
            columns: ["order_id", "coupon_id", "profile_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "coupon_id", "profile_id"]
          },
          {
            foreignKeyName: "coupon_redemptions_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      coupons: {
        Row: {
          code: string
          created_at: string
          description: string | null
          discount_type: Database["public"]["Enums"]["discount_type"]
          id: string
          is_active: boolean
          max_uses: number | null
          updated_at: string
          valid_from: string
          valid_to: string
          value: number
        }
        Insert: {
          code: string
          created_at?: string
          description?: string | null
          discount_type: Database["public"]["Enums"]["discount_type"]
          id?: string
          is_active?: boolean
          max_uses?: number | null
          updated_at?: string
          valid_from: string
          valid_to: string
          value: number
        }
        Update: {
          code?: string
          created_at?: string
          description?: string | null
          discount_type?: Database["public"]["Enums"]["discount_type"]
          id?: string
          is_active?: boolean
          max_uses?: number | null
          updated_at?: string
          valid_from?: string
          valid_to?: string
          value?: number
        }
        Relationships: []
      }
      doctors: {
        Row: {
          created_at: string
          experience_years: number
          id: string
          profile_id: string
          reg_number: string
          specialty: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          experience_years?: number
          id?: string
          profile_id: string
          reg_number: string
          specialty: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          experience_years?: number
          id?: string
          profile_id?: string
          reg_number?: string
          specialty?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "doctors_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: true
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      family_members: {
        Row: {
          created_at: string
          dob: string | null
          id: string
          medical_history: NonNullable<Json>
          name: string
          owner_id: string
          relation: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          dob?: string | null
          id?: string
          medical_history?: NonNullable<Json>
          name: string
          owner_id: string
          relation: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          dob?: string | null
          id?: string
          medical_history?: NonNullable<Json>
          name?: string
          owner_id?: string
          relation?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "family_members_owner_id_fkey"
            columns: ["owner_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      feature_flags: {
        Row: {
          city_id: string | null
          created_at: string
          description: string | null
          enabled: boolean
          feature_key: string
          id: string
          updated_at: string
        }
        Insert: {
          city_id?: string | null
          created_at?: string
          description?: string | null
          enabled?: boolean
          feature_key: string
          id?: string
          updated_at?: string
        }
        Update: {
          city_id?: string | null
          created_at?: string
          description?: string | null
          enabled?: boolean
          feature_key?: string
          id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "feature_flags_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
        ]
      }
      gst_registrations: {
        Row: {
          created_at: string
          gstin: string
          id: string
          registration_type: Database["public"]["Enums"]["gst_registration_type"]
          state_code: string | null
          updated_at: string
          valid_from: string
          valid_to: string | null
          vendor_id: string
        }
        Insert: {
          created_at?: string
          gstin: string
          id?: string
          registration_type?: Database["public"]["Enums"]["gst_registration_type"]
          state_code?: never
          updated_at?: string
          valid_from: string
          valid_to?: string | null
          vendor_id: string
        }
        Update: {
          created_at?: string
          gstin?: string
          id?: string
          registration_type?: Database["public"]["Enums"]["gst_registration_type"]
          state_code?: never
          updated_at?: string
          valid_from?: string
          valid_to?: string | null
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "gst_registrations_state_code_fkey"
            columns: ["state_code"]
            isOneToOne: false
            referencedRelation: "states"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "gst_registrations_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      lab_pricing: {
        Row: {
          branch_id: string
          created_at: string
          id: string
          mrp: number
          nabl_accredited: boolean
          price: number
          test_id: string
          updated_at: string
          vendor_id: string
        }
        Insert: {
          branch_id: string
          created_at?: string
          id?: string
          mrp: number
          nabl_accredited?: boolean
          price: number
          test_id: string
          updated_at?: string
          vendor_id: string
        }
        Update: {
          branch_id?: string
          created_at?: string
          id?: string
          mrp?: number
          nabl_accredited?: boolean
          price?: number
          test_id?: string
          updated_at?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "lab_pricing_branch_of_vendor"
            columns: ["vendor_id", "branch_id"]
            isOneToOne: false
            referencedRelation: "vendor_locations"
            referencedColumns: ["vendor_id", "id"]
          },
          {
            foreignKeyName: "lab_pricing_test_id_fkey"
            columns: ["test_id"]
            isOneToOne: false
            referencedRelation: "lab_tests"
            referencedColumns: ["id"]
          },
        ]
      }
      lab_tests: {
        Row: {
          category: string | null
          code: string
          created_at: string
          fasting_needed: boolean
          id: string
          name: string
          sample_type: Database["public"]["Enums"]["lab_sample_type"]
          updated_at: string
        }
        Insert: {
          category?: string | null
          code: string
          created_at?: string
          fasting_needed?: boolean
          id?: string
          name: string
          sample_type: Database["public"]["Enums"]["lab_sample_type"]
          updated_at?: string
        }
        Update: {
          category?: string | null
          code?: string
          created_at?: string
          fasting_needed?: boolean
          id?: string
          name?: string
          sample_type?: Database["public"]["Enums"]["lab_sample_type"]
          updated_at?: string
        }
        Relationships: []
      }
      marketing_assets: {
        Row: {
          active_from: string | null
          active_until: string | null
          city_id: string | null
          created_at: string
          id: string
          image_url: string
          is_active: boolean
          link_url: string | null
          sort_order: number
          type: Database["public"]["Enums"]["marketing_asset_type"]
          updated_at: string
        }
        Insert: {
          active_from?: string | null
          active_until?: string | null
          city_id?: string | null
          created_at?: string
          id?: string
          image_url: string
          is_active?: boolean
          link_url?: string | null
          sort_order?: number
          type: Database["public"]["Enums"]["marketing_asset_type"]
          updated_at?: string
        }
        Update: {
          active_from?: string | null
          active_until?: string | null
          city_id?: string | null
          created_at?: string
          id?: string
          image_url?: string
          is_active?: boolean
          link_url?: string | null
          sort_order?: number
          type?: Database["public"]["Enums"]["marketing_asset_type"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "marketing_assets_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
        ]
      }
      medicine_alternatives: {
        Row: {
          alternative_id: string
          approved: boolean
          created_at: string
          medicine_id: string
          rank: number
          updated_at: string
        }
        Insert: {
          alternative_id: string
          approved?: boolean
          created_at?: string
          medicine_id: string
          rank?: number
          updated_at?: string
        }
        Update: {
          alternative_id?: string
          approved?: boolean
          created_at?: string
          medicine_id?: string
          rank?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "medicine_alternatives_alternative_id_fkey"
            columns: ["alternative_id"]
            isOneToOne: false
            referencedRelation: "medicine_master"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "medicine_alternatives_medicine_id_fkey"
            columns: ["medicine_id"]
            isOneToOne: false
            referencedRelation: "medicine_master"
            referencedColumns: ["id"]
          },
        ]
      }
      medicine_inventory: {
        Row: {
          branch_id: string
          created_at: string
          id: string
          medicine_id: string
          mrp: number
          price: number
          stock_qty: number
          updated_at: string
          vendor_id: string
        }
        Insert: {
          branch_id: string
          created_at?: string
          id?: string
          medicine_id: string
          mrp: number
          price: number
          stock_qty?: number
          updated_at?: string
          vendor_id: string
        }
        Update: {
          branch_id?: string
          created_at?: string
          id?: string
          medicine_id?: string
          mrp?: number
          price?: number
          stock_qty?: number
          updated_at?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "medicine_inventory_branch_of_vendor"
            columns: ["vendor_id", "branch_id"]
            isOneToOne: false
            referencedRelation: "vendor_locations"
            referencedColumns: ["vendor_id", "id"]
          },
          {
            foreignKeyName: "medicine_inventory_medicine_id_fkey"
            columns: ["medicine_id"]
            isOneToOne: false
            referencedRelation: "medicine_master"
            referencedColumns: ["id"]
          },
        ]
      }
      medicine_master: {
        Row: {
          created_at: string
          dosage_form: string | null
          drug_schedule: Database["public"]["Enums"]["drug_schedule"]
          generic_name: string | null
          hsn_code: string
          id: string
          manufacturer: string | null
          name: string
          pack_size: string | null
          parent_id: string | null
          parent_version: number | null
          prescription_required: boolean
          strength: string | null
          updated_at: string
          version: number
        }
        Insert: {
          created_at?: string
          dosage_form?: string | null
          drug_schedule?: Database["public"]["Enums"]["drug_schedule"]
          generic_name?: string | null
          hsn_code: string
          id?: string
          manufacturer?: string | null
          name: string
          pack_size?: string | null
          parent_id?: string | null
          parent_version?: never
          prescription_required?: boolean
          strength?: string | null
          updated_at?: string
          version?: number
        }
        Update: {
          created_at?: string
          dosage_form?: string | null
          drug_schedule?: Database["public"]["Enums"]["drug_schedule"]
          generic_name?: string | null
          hsn_code?: string
          id?: string
          manufacturer?: string | null
          name?: string
          pack_size?: string | null
          parent_id?: string | null
          parent_version?: never
          prescription_required?: boolean
          strength?: string | null
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "medicine_master_version_follows_parent"
            columns: ["parent_id", "parent_version"]
            isOneToOne: false
            referencedRelation: "medicine_master"
            referencedColumns: ["id", "version"]
          },
        ]
      }
      order_artifacts: {
        Row: {
          created_at: string
          file_url: string
          id: string
          order_id: string
          type: Database["public"]["Enums"]["order_artifact_type"]
          updated_at: string
          uploaded_by: string | null
        }
        Insert: {
          created_at?: string
          file_url: string
          id?: string
          order_id: string
          type: Database["public"]["Enums"]["order_artifact_type"]
          updated_at?: string
          uploaded_by?: string | null
        }
        Update: {
          created_at?: string
          file_url?: string
          id?: string
          order_id?: string
          type?: Database["public"]["Enums"]["order_artifact_type"]
          updated_at?: string
          uploaded_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "order_artifacts_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_artifacts_uploaded_by_fkey"
            columns: ["uploaded_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      order_invoices: {
        Row: {
          created_at: string
          document_kind: Database["public"]["Enums"]["tax_document_kind"]
          financial_year: number | null
          gstin: string | null
          id: string
          invoice_date: string
          invoice_number: string
          order_id: string
          registration_id: string | null
          supplier_state_code: string | null
          updated_at: string
          vendor_id: string
        }
        Insert: {
          created_at?: string
          document_kind: Database["public"]["Enums"]["tax_document_kind"]
          financial_year?: never
          gstin?: string | null
          id?: string
          invoice_date: string
          invoice_number: string
          order_id: string
          registration_id?: string | null
          supplier_state_code?: string | null
          updated_at?: string
          vendor_id: string
        }
        Update: {
          created_at?: string
          document_kind?: Database["public"]["Enums"]["tax_document_kind"]
          financial_year?: never
          gstin?: string | null
          id?: string
          invoice_date?: string
          invoice_number?: string
          order_id?: string
          registration_id?: string | null
          supplier_state_code?: string | null
          updated_at?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "order_invoices_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_invoices_registration_id_fkey"
            columns: ["registration_id"]
            isOneToOne: false
            referencedRelation: "gst_registrations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_invoices_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      order_items: {
        Row: {
          cgst: number
          created_at: string
          discount_amount: number
          gst_rate: number
          hsn_code: string
          id: string
          igst: number
          invoice_id: string | null
          order_id: string
          qty: number
          service_catalog_id: string
          service_snapshot: NonNullable<Json>
          sgst: number
          supplier_state_code: string | null
          tax_basis: Database["public"]["Enums"]["tax_basis"]
          taxable_value: number
          unit_price: number
          updated_at: string
          utgst: number
          vendor_id: string
        }
        Insert: {
          cgst?: number
          created_at?: string
          discount_amount?: number
          gst_rate: number
          hsn_code: string
          id?: string
          igst?: number
          invoice_id?: string | null
          order_id: string
          qty: number
          service_catalog_id: string
          service_snapshot: NonNullable<Json>
          sgst?: number
          supplier_state_code?: string | null
          tax_basis?: Database["public"]["Enums"]["tax_basis"]
          taxable_value: number
          unit_price: number
          updated_at?: string
          utgst?: number
          vendor_id: string
        }
        Update: {
          cgst?: number
          created_at?: string
          discount_amount?: number
          gst_rate?: number
          hsn_code?: string
          id?: string
          igst?: number
          invoice_id?: string | null
          order_id?: string
          qty?: number
          service_catalog_id?: string
          service_snapshot?: NonNullable<Json>
          sgst?: number
          supplier_state_code?: string | null
          tax_basis?: Database["public"]["Enums"]["tax_basis"]
          taxable_value?: number
          unit_price?: number
          updated_at?: string
          utgst?: number
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "order_items_invoice_id_fkey"
            columns: ["invoice_id"]
            isOneToOne: false
            referencedRelation: "order_invoices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_items_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_items_service_catalog_id_fkey"
            columns: ["service_catalog_id"]
            isOneToOne: false
            referencedRelation: "service_catalog"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_items_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      orders: {
        Row: {
          address_id: string | null
          coupon_id: string | null
          created_at: string
          delivery_address: NonNullable<Json>
          delivery_state_code: string
          discount_amount: number
          gross_amount: number
          id: string
          net_amount: number
          payment_ref: string | null
          payment_status: Database["public"]["Enums"]["payment_status"]
          profile_id: string
          status: Database["public"]["Enums"]["order_status"]
          tax_amount: number
          tax_basis: Database["public"]["Enums"]["tax_basis"]
          updated_at: string
        }
        Insert: {
          address_id?: string | null
          coupon_id?: string | null
          created_at?: string
          delivery_address: NonNullable<Json>
          delivery_state_code: string
          discount_amount?: number
          gross_amount: number
          id?: string
          net_amount: number
          payment_ref?: string | null
          payment_status?: Database["public"]["Enums"]["payment_status"]
          profile_id: string
          status?: Database["public"]["Enums"]["order_status"]
          tax_amount?: number
          tax_basis?: Database["public"]["Enums"]["tax_basis"]
          updated_at?: string
        }
        Update: {
          address_id?: string | null
          coupon_id?: string | null
          created_at?: string
          delivery_address?: NonNullable<Json>
          delivery_state_code?: string
          discount_amount?: number
          gross_amount?: number
          id?: string
          net_amount?: number
          payment_ref?: string | null
          payment_status?: Database["public"]["Enums"]["payment_status"]
          profile_id?: string
          status?: Database["public"]["Enums"]["order_status"]
          tax_amount?: number
          tax_basis?: Database["public"]["Enums"]["tax_basis"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "orders_address_id_fkey"
            columns: ["address_id"]
            isOneToOne: false
            referencedRelation: "addresses"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "orders_coupon_id_fkey"
            columns: ["coupon_id"]
            isOneToOne: false
            referencedRelation: "coupons"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "orders_delivery_state_code_fkey"
            columns: ["delivery_state_code"]
            isOneToOne: false
            referencedRelation: "states"
            referencedColumns: ["code"]
          },
          {
            foreignKeyName: "orders_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      prescription_checks: {
        Row: {
          artifact_id: string | null
          checked_at: string
          checked_by: string
          id: string
          order_id: string
          outcome: Database["public"]["Enums"]["prescription_check_outcome"]
          prescriber_address: string | null
          prescriber_name: string | null
          reason: string | null
          vendor_id: string
        }
        Insert: {
          artifact_id?: string | null
          checked_at?: string
          checked_by: string
          id?: string
          order_id: string
          outcome: Database["public"]["Enums"]["prescription_check_outcome"]
          prescriber_address?: string | null
          prescriber_name?: string | null
          reason?: string | null
          vendor_id: string
        }
        Update: {
          artifact_id?: string | null
          checked_at?: string
          checked_by?: string
          id?: string
          order_id?: string
          outcome?: Database["public"]["Enums"]["prescription_check_outcome"]
          prescriber_address?: string | null
          prescriber_name?: string | null
          reason?: string | null
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "prescription_checks_artifact_id_fkey"
            columns: ["artifact_id"]
            isOneToOne: false
            referencedRelation: "order_artifacts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "prescription_checks_checked_by_fkey"
            columns: ["checked_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "prescription_checks_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "prescription_checks_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          created_at: string
          full_name: string | null
          id: string
          phone: string | null
          role_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          full_name?: string | null
          id: string
          phone?: string | null
          role_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          full_name?: string | null
          id?: string
          phone?: string | null
          role_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "profiles_role_id_fkey"
            columns: ["role_id"]
            isOneToOne: false
            referencedRelation: "roles"
            referencedColumns: ["id"]
          },
        ]
      }
      refunds: {
        Row: {
          amount: number
          created_at: string
          gateway_ref: string | null
          id: string
          order_item_id: string
          processed_at: string | null
          reason: string
          status: Database["public"]["Enums"]["refund_status"]
          updated_at: string
        }
        Insert: {
          amount: number
          created_at?: string
          gateway_ref?: string | null
          id?: string
          order_item_id: string
          processed_at?: string | null
          reason: string
          status?: Database["public"]["Enums"]["refund_status"]
          updated_at?: string
        }
        Update: {
          amount?: number
          created_at?: string
          gateway_ref?: string | null
          id?: string
          order_item_id?: string
          processed_at?: string | null
          reason?: string
          status?: Database["public"]["Enums"]["refund_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "refunds_order_item_id_fkey"
            columns: ["order_item_id"]
            isOneToOne: false
            referencedRelation: "order_items"
            referencedColumns: ["id"]
          },
        ]
      }
      roles: {
        Row: {
          created_at: string
          id: string
          name: string
          permissions: NonNullable<Json>
          updated_at: string
        }
        Insert: {
          created_at?: string
          id?: string
          name: string
          permissions?: NonNullable<Json>
          updated_at?: string
        }
        Update: {
          created_at?: string
          id?: string
          name?: string
          permissions?: NonNullable<Json>
          updated_at?: string
        }
        Relationships: []
      }
      scan_pricing: {
        Row: {
          branch_id: string
          created_at: string
          id: string
          mrp: number
          price: number
          scan_id: string
          updated_at: string
          vendor_id: string
        }
        Insert: {
          branch_id: string
          created_at?: string
          id?: string
          mrp: number
          price: number
          scan_id: string
          updated_at?: string
          vendor_id: string
        }
        Update: {
          branch_id?: string
          created_at?: string
          id?: string
          mrp?: number
          price?: number
          scan_id?: string
          updated_at?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "scan_pricing_branch_of_vendor"
            columns: ["vendor_id", "branch_id"]
            isOneToOne: false
            referencedRelation: "vendor_locations"
            referencedColumns: ["vendor_id", "id"]
          },
          {
            foreignKeyName: "scan_pricing_scan_id_fkey"
            columns: ["scan_id"]
            isOneToOne: false
            referencedRelation: "scans_master"
            referencedColumns: ["id"]
          },
        ]
      }
      scans_master: {
        Row: {
          body_part: string
          contrast_required: boolean
          created_at: string
          id: string
          modality: Database["public"]["Enums"]["scan_modality"]
          name: string
          updated_at: string
        }
        Insert: {
          body_part: string
          contrast_required?: boolean
          created_at?: string
          id?: string
          modality: Database["public"]["Enums"]["scan_modality"]
          name: string
          updated_at?: string
        }
        Update: {
          body_part?: string
          contrast_required?: boolean
          created_at?: string
          id?: string
          modality?: Database["public"]["Enums"]["scan_modality"]
          name?: string
          updated_at?: string
        }
        Relationships: []
      }
      schedule_h1_register: {
        Row: {
          drug_name: string
          id: string
          order_item_id: string
          pack_size: string | null
          patient_name: string
          pharmacist_id: string
          pharmacist_name: string | null
          prescriber_address: string
          prescriber_name: string
          prescription_check_id: string
          quantity: number
          supplied_at: string
          vendor_id: string
        }
        Insert: {
          drug_name: string
          id?: string
          order_item_id: string
          pack_size?: string | null
          patient_name: string
          pharmacist_id: string
          pharmacist_name?: string | null
          prescriber_address: string
          prescriber_name: string
          prescription_check_id: string
          quantity: number
          supplied_at?: string
          vendor_id: string
        }
        Update: {
          drug_name?: string
          id?: string
          order_item_id?: string
          pack_size?: string | null
          patient_name?: string
          pharmacist_id?: string
          pharmacist_name?: string | null
          prescriber_address?: string
          prescriber_name?: string
          prescription_check_id?: string
          quantity?: number
          supplied_at?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "schedule_h1_register_order_item_id_fkey"
            columns: ["order_item_id"]
            isOneToOne: true
            referencedRelation: "order_items"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "schedule_h1_register_pharmacist_id_fkey"
            columns: ["pharmacist_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "schedule_h1_register_prescription_check_id_fkey"
            columns: ["prescription_check_id"]
            isOneToOne: false
            referencedRelation: "prescription_checks"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "schedule_h1_register_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      service_bookings: {
        Row: {
          clinical_notes: string | null
          created_at: string
          family_member_id: string | null
          fulfillment_status: Database["public"]["Enums"]["fulfillment_status"]
          id: string
          order_item_id: string
          patient_id: string
          slot_id: string | null
          updated_at: string
        }
        Insert: {
          clinical_notes?: string | null
          created_at?: string
          family_member_id?: string | null
          fulfillment_status?: Database["public"]["Enums"]["fulfillment_status"]
          id?: string
          order_item_id: string
          patient_id: string
          slot_id?: string | null
          updated_at?: string
        }
        Update: {
          clinical_notes?: string | null
          created_at?: string
          family_member_id?: string | null
          fulfillment_status?: Database["public"]["Enums"]["fulfillment_status"]
          id?: string
          order_item_id?: string
          patient_id?: string
          slot_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "service_bookings_family_member_id_fkey"
            columns: ["family_member_id"]
            isOneToOne: false
            referencedRelation: "family_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "service_bookings_order_item_id_fkey"
            columns: ["order_item_id"]
            isOneToOne: false
            referencedRelation: "order_items"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "service_bookings_patient_id_fkey"
            columns: ["patient_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "service_bookings_slot_id_fkey"
            columns: ["slot_id"]
            isOneToOne: false
            referencedRelation: "availability_slots"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "service_bookings_slot_id_fkey"
            columns: ["slot_id"]
            isOneToOne: false
            referencedRelation: "doctor_slots"
            referencedColumns: ["id"]
          },
        ]
      }
      service_catalog: {
        Row: {
          created_at: string
          id: string
          is_active: boolean
          ref_id: string
          ref_table: string
          service_type: Database["public"]["Enums"]["service_type"]
          updated_at: string
        }
        Insert: {
          created_at?: string
          id?: string
          is_active?: boolean
          ref_id: string
          ref_table: string
          service_type: Database["public"]["Enums"]["service_type"]
          updated_at?: string
        }
        Update: {
          created_at?: string
          id?: string
          is_active?: boolean
          ref_id?: string
          ref_table?: string
          service_type?: Database["public"]["Enums"]["service_type"]
          updated_at?: string
        }
        Relationships: []
      }
      service_pricing: {
        Row: {
          base_price: number
          created_at: string
          id: string
          service_id: string
          updated_at: string
          variable_price: number
          vendor_id: string
        }
        Insert: {
          base_price: number
          created_at?: string
          id?: string
          service_id: string
          updated_at?: string
          variable_price?: number
          vendor_id: string
        }
        Update: {
          base_price?: number
          created_at?: string
          id?: string
          service_id?: string
          updated_at?: string
          variable_price?: number
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "service_pricing_service_id_fkey"
            columns: ["service_id"]
            isOneToOne: false
            referencedRelation: "services_master"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "service_pricing_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      service_taxonomy_map: {
        Row: {
          created_at: string
          service_catalog_id: string
          taxonomy_term_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          service_catalog_id: string
          taxonomy_term_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          service_catalog_id?: string
          taxonomy_term_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "service_taxonomy_map_service_catalog_id_fkey"
            columns: ["service_catalog_id"]
            isOneToOne: false
            referencedRelation: "service_catalog"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "service_taxonomy_map_taxonomy_term_id_fkey"
            columns: ["taxonomy_term_id"]
            isOneToOne: false
            referencedRelation: "taxonomy_terms"
            referencedColumns: ["id"]
          },
        ]
      }
      services_master: {
        Row: {
          created_at: string
          id: string
          name: string
          unit: Database["public"]["Enums"]["service_unit"]
          updated_at: string
        }
        Insert: {
          created_at?: string
          id?: string
          name: string
          unit: Database["public"]["Enums"]["service_unit"]
          updated_at?: string
        }
        Update: {
          created_at?: string
          id?: string
          name?: string
          unit?: Database["public"]["Enums"]["service_unit"]
          updated_at?: string
        }
        Relationships: []
      }
      states: {
        Row: {
          code: string
          created_at: string
          has_legislature: boolean
          is_union_territory: boolean
          name: string
          updated_at: string
          uses_utgst: boolean | null
        }
        Insert: {
          code: string
          created_at?: string
          has_legislature: boolean
          is_union_territory: boolean
          name: string
          updated_at?: string
          uses_utgst?: never
        }
        Update: {
          code?: string
          created_at?: string
          has_legislature?: boolean
          is_union_territory?: boolean
          name?: string
          updated_at?: string
          uses_utgst?: never
        }
        Relationships: []
      }
      tax_slabs: {
        Row: {
          cgst: number
          created_at: string
          description: string
          effective_from: string
          effective_to: string | null
          hsn_code: string
          id: string
          igst: number
          notification: string
          sgst: number
          updated_at: string
        }
        Insert: {
          cgst: number
          created_at?: string
          description: string
          effective_from: string
          effective_to?: string | null
          hsn_code: string
          id?: string
          igst: number
          notification: string
          sgst: number
          updated_at?: string
        }
        Update: {
          cgst?: number
          created_at?: string
          description?: string
          effective_from?: string
          effective_to?: string | null
          hsn_code?: string
          id?: string
          igst?: number
          notification?: string
          sgst?: number
          updated_at?: string
        }
        Relationships: []
      }
      taxonomies: {
        Row: {
          applicable_service_types: Database["public"]["Enums"]["service_type"][]
          created_at: string
          description: string | null
          id: string
          name: string
          slug: string
          updated_at: string
        }
        Insert: {
          applicable_service_types: Database["public"]["Enums"]["service_type"][]
          created_at?: string
          description?: string | null
          id?: string
          name: string
          slug: string
          updated_at?: string
        }
        Update: {
          applicable_service_types?: Database["public"]["Enums"]["service_type"][]
          created_at?: string
          description?: string | null
          id?: string
          name?: string
          slug?: string
          updated_at?: string
        }
        Relationships: []
      }
      taxonomy_terms: {
        Row: {
          created_at: string
          id: string
          name: string
          parent_id: string | null
          slug: string
          taxonomy_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          id?: string
          name: string
          parent_id?: string | null
          slug: string
          taxonomy_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          id?: string
          name?: string
          parent_id?: string | null
          slug?: string
          taxonomy_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "taxonomy_terms_parent_in_same_taxonomy"
            columns: ["taxonomy_id", "parent_id"]
            isOneToOne: false
            referencedRelation: "taxonomy_terms"
            referencedColumns: ["taxonomy_id", "id"]
          },
          {
            foreignKeyName: "taxonomy_terms_taxonomy_id_fkey"
            columns: ["taxonomy_id"]
            isOneToOne: false
            referencedRelation: "taxonomies"
            referencedColumns: ["id"]
          },
        ]
      }
      ui_carousel_items: {
        Row: {
          carousel_id: string
          created_at: string
          id: string
          image_url: string
          service_catalog_id: string | null
          sort_order: number
          updated_at: string
        }
        Insert: {
          carousel_id: string
          created_at?: string
          id?: string
          image_url: string
          service_catalog_id?: string | null
          sort_order?: number
          updated_at?: string
        }
        Update: {
          carousel_id?: string
          created_at?: string
          id?: string
          image_url?: string
          service_catalog_id?: string | null
          sort_order?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "ui_carousel_items_carousel_id_fkey"
            columns: ["carousel_id"]
            isOneToOne: false
            referencedRelation: "ui_carousels"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ui_carousel_items_service_catalog_id_fkey"
            columns: ["service_catalog_id"]
            isOneToOne: false
            referencedRelation: "service_catalog"
            referencedColumns: ["id"]
          },
        ]
      }
      ui_carousels: {
        Row: {
          city_id: string | null
          created_at: string
          id: string
          is_active: boolean
          position: Database["public"]["Enums"]["ui_carousel_position"]
          title: string
          updated_at: string
        }
        Insert: {
          city_id?: string | null
          created_at?: string
          id?: string
          is_active?: boolean
          position: Database["public"]["Enums"]["ui_carousel_position"]
          title: string
          updated_at?: string
        }
        Update: {
          city_id?: string | null
          created_at?: string
          id?: string
          is_active?: boolean
          position?: Database["public"]["Enums"]["ui_carousel_position"]
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "ui_carousels_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
        ]
      }
      ui_menu_items: {
        Row: {
          created_at: string
          external_link: string | null
          id: string
          label: string | null
          menu_id: string
          parent_item_id: string | null
          service_catalog_id: string | null
          sort_order: number
          taxonomy_term_id: string | null
          updated_at: string
        }
        Insert: {
          created_at?: string
          external_link?: string | null
          id?: string
          label?: string | null
          menu_id: string
          parent_item_id?: string | null
          service_catalog_id?: string | null
          sort_order?: number
          taxonomy_term_id?: string | null
          updated_at?: string
        }
        Update: {
          created_at?: string
          external_link?: string | null
          id?: string
          label?: string | null
          menu_id?: string
          parent_item_id?: string | null
          service_catalog_id?: string | null
          sort_order?: number
          taxonomy_term_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "ui_menu_items_menu_id_fkey"
            columns: ["menu_id"]
            isOneToOne: false
            referencedRelation: "ui_menus"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ui_menu_items_parent_in_same_menu"
            columns: ["menu_id", "parent_item_id"]
            isOneToOne: false
            referencedRelation: "ui_menu_items"
            referencedColumns: ["menu_id", "id"]
          },
          {
            foreignKeyName: "ui_menu_items_service_catalog_id_fkey"
            columns: ["service_catalog_id"]
            isOneToOne: false
            referencedRelation: "service_catalog"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "ui_menu_items_taxonomy_term_id_fkey"
            columns: ["taxonomy_term_id"]
            isOneToOne: false
            referencedRelation: "taxonomy_terms"
            referencedColumns: ["id"]
          },
        ]
      }
      ui_menus: {
        Row: {
          city_id: string | null
          created_at: string
          icon: string | null
          id: string
          is_active: boolean
          menu_type: Database["public"]["Enums"]["ui_menu_type"]
          route: string | null
          sort_order: number
          title: string
          updated_at: string
        }
        Insert: {
          city_id?: string | null
          created_at?: string
          icon?: string | null
          id?: string
          is_active?: boolean
          menu_type: Database["public"]["Enums"]["ui_menu_type"]
          route?: string | null
          sort_order?: number
          title: string
          updated_at?: string
        }
        Update: {
          city_id?: string | null
          created_at?: string
          icon?: string | null
          id?: string
          is_active?: boolean
          menu_type?: Database["public"]["Enums"]["ui_menu_type"]
          route?: string | null
          sort_order?: number
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "ui_menus_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
        ]
      }
      vendor_kyc: {
        Row: {
          branch_id: string | null
          created_at: string
          dl_number: string | null
          gstin: string | null
          id: string
          license_url: string | null
          updated_at: string
          vendor_id: string
          verified_at: string | null
          verified_by: string | null
        }
        Insert: {
          branch_id?: string | null
          created_at?: string
          dl_number?: string | null
          gstin?: string | null
          id?: string
          license_url?: string | null
          updated_at?: string
          vendor_id: string
          verified_at?: string | null
          verified_by?: string | null
        }
        Update: {
          branch_id?: string | null
          created_at?: string
          dl_number?: string | null
          gstin?: string | null
          id?: string
          license_url?: string | null
          updated_at?: string
          vendor_id?: string
          verified_at?: string | null
          verified_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "vendor_kyc_branch_of_same_vendor"
            columns: ["vendor_id", "branch_id"]
            isOneToOne: false
            referencedRelation: "vendor_locations"
            referencedColumns: ["vendor_id", "id"]
          },
          {
            foreignKeyName: "vendor_kyc_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "vendor_kyc_verified_by_fkey"
            columns: ["verified_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      vendor_locations: {
        Row: {
          address_line: string | null
          city_id: string
          coords: unknown
          created_at: string
          id: string
          is_open_24x7: boolean
          name: string | null
          pincode: string | null
          updated_at: string
          vendor_id: string
        }
        Insert: {
          address_line?: string | null
          city_id: string
          coords: unknown
          created_at?: string
          id?: string
          is_open_24x7?: boolean
          name?: string | null
          pincode?: string | null
          updated_at?: string
          vendor_id: string
        }
        Update: {
          address_line?: string | null
          city_id?: string
          coords?: unknown
          created_at?: string
          id?: string
          is_open_24x7?: boolean
          name?: string | null
          pincode?: string | null
          updated_at?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "vendor_locations_city_id_fkey"
            columns: ["city_id"]
            isOneToOne: false
            referencedRelation: "cities"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "vendor_locations_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      vendor_payouts: {
        Row: {
          bank_ref: string | null
          commission: number
          created_at: string
          gross: number
          id: string
          net: number
          paid_at: string | null
          period_end: string
          period_start: string
          status: Database["public"]["Enums"]["payout_status"]
          tcs: number
          updated_at: string
          vendor_id: string
        }
        Insert: {
          bank_ref?: string | null
          commission: number
          created_at?: string
          gross: number
          id?: string
          net: number
          paid_at?: string | null
          period_end: string
          period_start: string
          status?: Database["public"]["Enums"]["payout_status"]
          tcs?: number
          updated_at?: string
          vendor_id: string
        }
        Update: {
          bank_ref?: string | null
          commission?: number
          created_at?: string
          gross?: number
          id?: string
          net?: number
          paid_at?: string | null
          period_end?: string
          period_start?: string
          status?: Database["public"]["Enums"]["payout_status"]
          tcs?: number
          updated_at?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "vendor_payouts_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      vendor_staff: {
        Row: {
          access_level: string
          branch_id: string | null
          created_at: string
          id: string
          updated_at: string
          user_id: string
          vendor_id: string
        }
        Insert: {
          access_level?: string
          branch_id?: string | null
          created_at?: string
          id?: string
          updated_at?: string
          user_id: string
          vendor_id: string
        }
        Update: {
          access_level?: string
          branch_id?: string | null
          created_at?: string
          id?: string
          updated_at?: string
          user_id?: string
          vendor_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "vendor_staff_branch_of_same_vendor"
            columns: ["vendor_id", "branch_id"]
            isOneToOne: false
            referencedRelation: "vendor_locations"
            referencedColumns: ["vendor_id", "id"]
          },
          {
            foreignKeyName: "vendor_staff_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "vendor_staff_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
      vendors: {
        Row: {
          commission_rate: number
          created_at: string
          id: string
          is_active: boolean
          name: string
          owner_id: string
          type: Database["public"]["Enums"]["vendor_type"]
          updated_at: string
        }
        Insert: {
          commission_rate?: number
          created_at?: string
          id?: string
          is_active?: boolean
          name: string
          owner_id: string
          type: Database["public"]["Enums"]["vendor_type"]
          updated_at?: string
        }
        Update: {
          commission_rate?: number
          created_at?: string
          id?: string
          is_active?: boolean
          name?: string
          owner_id?: string
          type?: Database["public"]["Enums"]["vendor_type"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "vendors_owner_id_fkey"
            columns: ["owner_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      doctor_slots: {
        Row: {
          booked_count: number | null
          branch_id: string | null
          capacity: number | null
          created_at: string | null
          doctor_id: string | null
          end_time: string | null
          id: string | null
          service_catalog_id: string | null
          start_time: string | null
          updated_at: string | null
          vendor_id: string | null
          version: number | null
        }
        Relationships: [
          {
            foreignKeyName: "availability_slots_branch_of_vendor"
            columns: ["vendor_id", "branch_id"]
            isOneToOne: false
            referencedRelation: "vendor_locations"
            referencedColumns: ["vendor_id", "id"]
          },
          {
            foreignKeyName: "availability_slots_service_catalog_id_fkey"
            columns: ["service_catalog_id"]
            isOneToOne: false
            referencedRelation: "service_catalog"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "availability_slots_vendor_id_fkey"
            columns: ["vendor_id"]
            isOneToOne: false
            referencedRelation: "vendors"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Functions: {
      audit_log_chain_heads: {
        Args: Record<PropertyKey, never>
        Returns: {
          chain_hash: string
          chained_at: string
          month: string
          seq: number
        }[]
      }
      audit_log_partition_status: {
        Args: Record<PropertyKey, never>
        Returns: {
          current_month: string
          default_months: string[]
          default_rows: number
          has_current_partition: boolean
          last_partition_month: string
          months_ahead: number
        }[]
      }
      book_slot: {
        Args: { p_expected_version?: number; p_slot_id: string }
        Returns: {
          booked_count: number
          branch_id: string | null
          capacity: number
          created_at: string
          end_time: string
          id: string
          service_catalog_id: string
          start_time: string
          updated_at: string
          vendor_id: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "availability_slots"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      cancel_booking: {
        Args: { p_booking_id: string }
        Returns: {
          clinical_notes: string | null
          created_at: string
          family_member_id: string | null
          fulfillment_status: Database["public"]["Enums"]["fulfillment_status"]
          id: string
          order_item_id: string
          patient_id: string
          slot_id: string | null
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "service_bookings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      cancel_order: {
        Args: { p_order_id: string }
        Returns: {
          address_id: string | null
          coupon_id: string | null
          created_at: string
          delivery_address: NonNullable<Json>
          delivery_state_code: string
          discount_amount: number
          gross_amount: number
          id: string
          net_amount: number
          payment_ref: string | null
          payment_status: Database["public"]["Enums"]["payment_status"]
          profile_id: string
          status: Database["public"]["Enums"]["order_status"]
          tax_amount: number
          tax_basis: Database["public"]["Enums"]["tax_basis"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "orders"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      check_prescription: {
        Args: {
          p_artifact_id: string
          p_outcome: Database["public"]["Enums"]["prescription_check_outcome"]
          p_prescriber_address?: string
          p_prescriber_name?: string
          p_reason?: string
        }
        Returns: {
          artifact_id: string | null
          checked_at: string
          checked_by: string
          id: string
          order_id: string
          outcome: Database["public"]["Enums"]["prescription_check_outcome"]
          prescriber_address: string | null
          prescriber_name: string | null
          reason: string | null
          vendor_id: string
        }[]
        SetofOptions: {
          from: "*"
          to: "prescription_checks"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      compute_vendor_payout: {
        Args: {
          p_period_end: string
          p_period_start: string
          p_vendor_id: string
        }
        Returns: {
          bank_ref: string | null
          commission: number
          created_at: string
          gross: number
          id: string
          net: number
          paid_at: string | null
          period_end: string
          period_start: string
          status: Database["public"]["Enums"]["payout_status"]
          tcs: number
          updated_at: string
          vendor_id: string
        }
        SetofOptions: {
          from: "*"
          to: "vendor_payouts"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      custom_access_token_hook: { Args: { event: Json }; Returns: Json }
      erase_profile: { Args: { p_profile_id: string }; Returns: Json }
      feature_enabled: {
        Args: { p_city_id: string; p_key: string }
        Returns: boolean
      }
      has_vendor_access: { Args: { p_vendor_id: string }; Returns: boolean }
      is_valid_gstin: { Args: { gstin: string }; Returns: boolean }
      log_access: {
        Args: { p_context?: Json; p_entity_id: string; p_entity_type: string }
        Returns: string
      }
      nearest_pharmacies: {
        Args: {
          p_lat: number
          p_limit?: number
          p_lng: number
          p_within_metres?: number
        }
        Returns: {
          address_line: string
          branch_id: string
          branch_name: string
          is_open_24x7: boolean
          metres: number
          pincode: string
          vendor_id: string
          vendor_name: string
        }[]
      }
      order_line_tax: {
        Args: {
          p_hsn_code: string
          p_on: string
          p_supplier_state: string
          p_supply_state: string
          p_taxable: number
        }
        Returns: Record<string, unknown>
      }
      place_order:
        | {
            Args: {
              p_address_id: string
              p_cart_id: string
              p_coupon_code?: string
            }
            Returns: {
              address_id: string | null
              coupon_id: string | null
              created_at: string
              delivery_address: NonNullable<Json>
              delivery_state_code: string
              discount_amount: number
              gross_amount: number
              id: string
              net_amount: number
              payment_ref: string | null
              payment_status: Database["public"]["Enums"]["payment_status"]
              profile_id: string
              status: Database["public"]["Enums"]["order_status"]
              tax_amount: number
              tax_basis: Database["public"]["Enums"]["tax_basis"]
              updated_at: string
            }
            SetofOptions: {
              from: "*"
              to: "orders"
              isOneToOne: true
              isSetofReturn: false
            }
          }
        | {
            Args: {
              p_address_id: string
              p_cart_id: string
              p_coupon_code?: string
              p_expected_total: number
            }
            Returns: {
              address_id: string | null
              coupon_id: string | null
              created_at: string
              delivery_address: NonNullable<Json>
              delivery_state_code: string
              discount_amount: number
              gross_amount: number
              id: string
              net_amount: number
              payment_ref: string | null
              payment_status: Database["public"]["Enums"]["payment_status"]
              profile_id: string
              status: Database["public"]["Enums"]["order_status"]
              tax_amount: number
              tax_basis: Database["public"]["Enums"]["tax_basis"]
              updated_at: string
            }
            SetofOptions: {
              from: "*"
              to: "orders"
              isOneToOne: true
              isSetofReturn: false
            }
          }
      publish_medicine_version: {
        Args: { p_changes: Json; p_medicine_id: string }
        Returns: {
          created_at: string
          dosage_form: string | null
          drug_schedule: Database["public"]["Enums"]["drug_schedule"]
          generic_name: string | null
          hsn_code: string
          id: string
          manufacturer: string | null
          name: string
          pack_size: string | null
          parent_id: string | null
          parent_version: number | null
          prescription_required: boolean
          strength: string | null
          updated_at: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "medicine_master"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      quote_cart: {
        Args: {
          p_address_id: string
          p_cart_id: string
          p_coupon_code?: string
        }
        Returns: {
          discount_amount: number
          gross_amount: number
          lines: Json
          net_amount: number
          tax_amount: number
        }[]
      }
      record_payment: {
        Args: {
          p_amount?: number
          p_order_id: string
          p_outcome: Database["public"]["Enums"]["payment_status"]
          p_payment_ref: string
        }
        Returns: {
          address_id: string | null
          coupon_id: string | null
          created_at: string
          delivery_address: NonNullable<Json>
          delivery_state_code: string
          discount_amount: number
          gross_amount: number
          id: string
          net_amount: number
          payment_ref: string | null
          payment_status: Database["public"]["Enums"]["payment_status"]
          profile_id: string
          status: Database["public"]["Enums"]["order_status"]
          tax_amount: number
          tax_basis: Database["public"]["Enums"]["tax_basis"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "orders"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      request_refund: {
        Args: { p_amount: number; p_order_item_id: string; p_reason: string }
        Returns: {
          amount: number
          created_at: string
          gateway_ref: string | null
          id: string
          order_item_id: string
          processed_at: string | null
          reason: string
          status: Database["public"]["Enums"]["refund_status"]
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "refunds"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      search_medicines: {
        Args: { p_limit?: number; p_query: string }
        Returns: {
          created_at: string
          dosage_form: string | null
          drug_schedule: Database["public"]["Enums"]["drug_schedule"]
          generic_name: string | null
          hsn_code: string
          id: string
          manufacturer: string | null
          name: string
          pack_size: string | null
          parent_id: string | null
          parent_version: number | null
          prescription_required: boolean
          strength: string | null
          updated_at: string
          version: number
        }[]
        SetofOptions: {
          from: "*"
          to: "medicine_master"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      tax_slab_for: {
        Args: { p_code: string; p_on: string }
        Returns: {
          cgst: number
          created_at: string
          description: string
          effective_from: string
          effective_to: string | null
          hsn_code: string
          id: string
          igst: number
          notification: string
          sgst: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "tax_slabs"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      vendor_orders: {
        Args: { p_before?: string; p_limit?: number; p_vendor_id: string }
        Returns: {
          address_id: string | null
          coupon_id: string | null
          created_at: string
          delivery_address: NonNullable<Json>
          delivery_state_code: string
          discount_amount: number
          gross_amount: number
          id: string
          net_amount: number
          payment_ref: string | null
          payment_status: Database["public"]["Enums"]["payment_status"]
          profile_id: string
          status: Database["public"]["Enums"]["order_status"]
          tax_amount: number
          tax_basis: Database["public"]["Enums"]["tax_basis"]
          updated_at: string
        }[]
        SetofOptions: {
          from: "*"
          to: "orders"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      verify_audit_log_chain: {
        Args: { p_anchors?: Json; p_month?: string }
        Returns: {
          audit_created_at: string
          audit_id: string
          detail: string
          month: string
          problem: string
          rows_affected: number
          seq: number
        }[]
      }
    }
    Enums: {
      audit_action: "INSERT" | "UPDATE" | "DELETE" | "ERASE" | "ACCESS"
      audit_actor_kind: "user" | "service" | "system"
      cart_status: "OPEN" | "CHECKED_OUT" | "ABANDONED"
      content_type: "ARTICLE" | "VIDEO"
      discount_type: "PERCENT" | "FLAT"
      drug_schedule: "OTC" | "H" | "H1" | "X"
      fulfillment_status:
        | "PENDING"
        | "SCHEDULED"
        | "IN_PROGRESS"
        | "COMPLETED"
        | "CANCELLED"
        | "NO_SHOW"
      gst_registration_type:
        | "REGULAR"
        | "COMPOSITION"
        | "CASUAL"
        | "TDS"
        | "TCS"
        | "NON_RESIDENT"
        | "UIN"
      lab_sample_type:
        | "BLOOD"
        | "URINE"
        | "STOOL"
        | "SWAB"
        | "SPUTUM"
        | "SALIVA"
        | "SEMEN"
        | "CSF"
        | "TISSUE"
        | "OTHER"
      marketing_asset_type: "BANNER" | "CAROUSEL"
      order_artifact_type: "PRESC" | "REPORT"
      order_status:
        | "PENDING"
        | "CONFIRMED"
        | "PROCESSING"
        | "OUT_FOR_DELIVERY"
        | "COMPLETED"
        | "CANCELLED"
      payment_status: "AWAITING" | "PAID" | "FAILED" | "REFUNDED"
      payout_status: "PENDING" | "PROCESSING" | "PAID" | "FAILED" | "CANCELLED"
      prescription_check_outcome: "VERIFIED" | "REJECTED"
      refund_status:
        | "REQUESTED"
        | "APPROVED"
        | "REJECTED"
        | "PROCESSED"
        | "FAILED"
      scan_modality:
        | "MRI"
        | "CT"
        | "US"
        | "X_RAY"
        | "PET_CT"
        | "MAMMOGRAPHY"
        | "DEXA"
        | "FLUOROSCOPY"
      service_type:
        | "MEDICINE"
        | "LAB_TEST"
        | "SCAN"
        | "DOCTOR_CONSULT"
        | "HOME_SERVICE"
        | "INSURANCE"
        | "CONTENT"
      service_unit:
        | "PER_KM"
        | "PER_SESSION"
        | "PER_VISIT"
        | "PER_HOUR"
        | "PER_DAY"
      tax_basis: "EXCLUSIVE" | "INCLUSIVE"
      tax_document_kind: "TAX_INVOICE" | "BILL_OF_SUPPLY" | "LEGACY_INVOICE"
      ui_carousel_position: "HOME_TOP" | "SERVICE_PAGE" | "FOOTER"
      ui_menu_type: "DESKTOP" | "MOBILE" | "FLOATING"
      vendor_type:
        | "PHARMACY"
        | "DIAGNOSTIC_LAB"
        | "SCAN_CENTER"
        | "HOSPITAL"
        | "PHYSIO_AGENCY"
        | "AMBULANCE_PROVIDER"
        | "CONTENT_PARTNER"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      audit_action: ["INSERT", "UPDATE", "DELETE", "ERASE", "ACCESS"],
      audit_actor_kind: ["user", "service", "system"],
      cart_status: ["OPEN", "CHECKED_OUT", "ABANDONED"],
      content_type: ["ARTICLE", "VIDEO"],
      discount_type: ["PERCENT", "FLAT"],
      drug_schedule: ["OTC", "H", "H1", "X"],
      fulfillment_status: [
        "PENDING",
        "SCHEDULED",
        "IN_PROGRESS",
        "COMPLETED",
        "CANCELLED",
        "NO_SHOW",
      ],
      gst_registration_type: [
        "REGULAR",
        "COMPOSITION",
        "CASUAL",
        "TDS",
        "TCS",
        "NON_RESIDENT",
        "UIN",
      ],
      lab_sample_type: [
        "BLOOD",
        "URINE",
        "STOOL",
        "SWAB",
        "SPUTUM",
        "SALIVA",
        "SEMEN",
        "CSF",
        "TISSUE",
        "OTHER",
      ],
      marketing_asset_type: ["BANNER", "CAROUSEL"],
      order_artifact_type: ["PRESC", "REPORT"],
      order_status: [
        "PENDING",
        "CONFIRMED",
        "PROCESSING",
        "OUT_FOR_DELIVERY",
        "COMPLETED",
        "CANCELLED",
      ],
      payment_status: ["AWAITING", "PAID", "FAILED", "REFUNDED"],
      payout_status: ["PENDING", "PROCESSING", "PAID", "FAILED", "CANCELLED"],
      prescription_check_outcome: ["VERIFIED", "REJECTED"],
      refund_status: [
        "REQUESTED",
        "APPROVED",
        "REJECTED",
        "PROCESSED",
        "FAILED",
      ],
      scan_modality: [
        "MRI",
        "CT",
        "US",
        "X_RAY",
        "PET_CT",
        "MAMMOGRAPHY",
        "DEXA",
        "FLUOROSCOPY",
      ],
      service_type: [
        "MEDICINE",
        "LAB_TEST",
        "SCAN",
        "DOCTOR_CONSULT",
        "HOME_SERVICE",
        "INSURANCE",
        "CONTENT",
      ],
      service_unit: [
        "PER_KM",
        "PER_SESSION",
        "PER_VISIT",
        "PER_HOUR",
        "PER_DAY",
      ],
      tax_basis: ["EXCLUSIVE", "INCLUSIVE"],
      tax_document_kind: ["TAX_INVOICE", "BILL_OF_SUPPLY", "LEGACY_INVOICE"],
      ui_carousel_position: ["HOME_TOP", "SERVICE_PAGE", "FOOTER"],
      ui_menu_type: ["DESKTOP", "MOBILE", "FLOATING"],
      vendor_type: [
        "PHARMACY",
        "DIAGNOSTIC_LAB",
        "SCAN_CENTER",
        "HOSPITAL",
        "PHYSIO_AGENCY",
        "AMBULANCE_PROVIDER",
        "CONTENT_PARTNER",
      ],
    },
  },
} as const

