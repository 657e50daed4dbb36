"""GSTINs for test fixtures, made by an implementation of GSTN's check character that is
independent of the database's (`private.gstin_check_character`): tests that compare the two
would otherwise compare the function with itself.
"""

from __future__ import annotations

import random
import string

ALPHABET = string.digits + string.ascii_uppercase


def check_character(first14: str) -> str:
    """Base 36, weights 1 and 2 alternately from the left, each product folded as
    div 36 + mod 36; the check value is (36 - sum mod 36) mod 36."""
    total = 0
    for i, ch in enumerate(first14):
        product = ALPHABET.index(ch) * (1 if i % 2 == 0 else 2)
        total += product // 36 + product % 36
    return ALPHABET[(36 - total % 36) % 36]


def random_pan(rng: random.Random | None = None, holder: str = "C") -> str:
    """A PAN of the given holder type (4th character): AAA + holder + A + 9999 + A."""
    r = rng or random.Random()
    letters = string.ascii_uppercase
    return (
        "".join(r.choice(letters) for _ in range(3)) + holder + r.choice(letters)
        + "".join(r.choice(string.digits) for _ in range(4)) + r.choice(letters)
    )


def regular_gstin(state: str, pan: str, entity: str = "1") -> str:
    """A regular taxpayer's GSTIN: state code, PAN, entity number, Z, check character."""
    first14 = f"{state}{pan}{entity}Z"
    return first14 + check_character(first14)
