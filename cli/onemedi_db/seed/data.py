"""Reference data and small helpers shared by the two seed generators (no database here).

Everything is plain data or a pure function of its arguments, so both `seed --scale` and
`seed --demo` stay deterministic from their seed.
"""

from __future__ import annotations

import random

# (GST state code, city, latitude, longitude, weight): real centres, a spread of states and
# union territories; Chandigarh (04) and Ladakh (38) are UTs without legislature (UTGST).
CITIES: list[tuple[str, str, float, float, int]] = [
    ("27", "Mumbai", 19.0760, 72.8777, 12), ("07", "New Delhi", 28.6139, 77.2090, 12),
    ("29", "Bengaluru", 12.9716, 77.5946, 10), ("36", "Hyderabad", 17.3850, 78.4867, 8),
    ("33", "Chennai", 13.0827, 80.2707, 8), ("19", "Kolkata", 22.5726, 88.3639, 8),
    ("27", "Pune", 18.5204, 73.8567, 6), ("24", "Ahmedabad", 23.0225, 72.5714, 6),
    ("08", "Jaipur", 26.9124, 75.7873, 4), ("09", "Lucknow", 26.8467, 80.9462, 4),
    ("04", "Chandigarh", 30.7333, 76.7794, 3), ("06", "Gurugram", 28.4595, 77.0266, 3),
    ("10", "Patna", 25.5941, 85.1376, 3), ("23", "Bhopal", 23.2599, 77.4126, 2),
    ("23", "Indore", 22.7196, 75.8577, 3), ("32", "Kochi", 9.9312, 76.2673, 2),
    ("32", "Thiruvananthapuram", 8.5241, 76.9366, 2), ("18", "Guwahati", 26.1445, 91.7362, 2),
    ("21", "Bhubaneswar", 20.2961, 85.8245, 2), ("34", "Puducherry", 11.9416, 79.8083, 1),
    ("01", "Srinagar", 34.0837, 74.7973, 1), ("05", "Dehradun", 30.3165, 78.0322, 1),
    ("02", "Shimla", 31.1048, 77.1734, 1), ("03", "Ludhiana", 30.9010, 75.8573, 2),
    ("30", "Panaji", 15.4909, 73.8278, 1), ("22", "Raipur", 21.2514, 81.6296, 1),
    ("20", "Ranchi", 23.3441, 85.3096, 1), ("37", "Visakhapatnam", 17.6868, 83.2185, 2),
    ("38", "Leh", 34.1526, 77.5771, 1), ("35", "Port Blair", 11.6234, 92.7265, 1),
]

GENERICS = [
    "Paracetamol", "Ibuprofen", "Amoxicillin", "Azithromycin", "Cetirizine", "Metformin",
    "Atorvastatin", "Amlodipine", "Losartan", "Telmisartan", "Pantoprazole", "Omeprazole",
    "Rabeprazole", "Domperidone", "Ondansetron", "Montelukast", "Levocetirizine",
    "Fexofenadine", "Diclofenac", "Aceclofenac", "Metronidazole", "Ciprofloxacin",
    "Ofloxacin", "Levofloxacin", "Doxycycline", "Cefixime", "Cefuroxime", "Clarithromycin",
    "Glimepiride", "Gliclazide", "Sitagliptin", "Vildagliptin", "Teneligliptin", "Insulin",
    "Rosuvastatin", "Clopidogrel", "Aspirin", "Metoprolol", "Bisoprolol", "Ramipril",
    "Furosemide", "Spironolactone", "Hydrochlorothiazide", "Levothyroxine", "Prednisolone",
    "Dexamethasone", "Salbutamol", "Budesonide", "Fluticasone", "Vitamin D3", "Folic Acid",
    "Ferrous Sulphate", "Calcium Carbonate", "Methylcobalamin", "Zinc", "Ranitidine",
    "Famotidine", "Loperamide", "Ors", "Albendazole", "Ivermectin", "Fluconazole",
    "Clotrimazole", "Terbinafine", "Acyclovir", "Valacyclovir", "Sertraline", "Escitalopram",
    "Fluoxetine", "Amitriptyline", "Clonazepam", "Alprazolam", "Gabapentin", "Pregabalin",
    "Tramadol", "Tapentadol", "Mefenamic Acid", "Drotaverine", "Hyoscine", "Tamsulosin",
    "Finasteride", "Sildenafil", "Tadalafil", "Norethisterone", "Progesterone",
    "Clomiphene", "Warfarin", "Apixaban", "Rivaroxaban", "Digoxin", "Nitroglycerin",
    "Isosorbide", "Ranolazine", "Allopurinol", "Febuxostat", "Colchicine", "Hydroxychloroquine",
    "Methotrexate", "Sulfasalazine", "Mesalamine",
]
SYLLABLES = [
    "do", "lo", "cro", "cin", "pan", "ta", "zy", "mox", "cal", "pol", "ve", "ra", "ni",
    "fen", "tor", "va", "glu", "co", "ami", "tel", "ma", "sar", "met", "for", "xo", "bi",
    "den", "sta", "lip", "ro", "su", "vi", "mo", "ne", "ex", "al", "ka", "tri", "zo", "dex",
]
FORMS = [("Tablet", "10 tablets"), ("Tablet", "15 tablets"), ("Capsule", "10 capsules"),
         ("Syrup", "100 ml"), ("Injection", "1 vial"), ("Cream", "30 g"), ("Drops", "10 ml")]
STRENGTHS = ["5 mg", "10 mg", "20 mg", "40 mg", "50 mg", "100 mg", "250 mg", "500 mg", "650 mg"]
MAKERS = ["Sun Pharma", "Cipla", "Dr. Reddy's", "Lupin", "Zydus", "Mankind", "Alkem",
          "Torrent", "Glenmark", "Intas", "Micro Labs", "Abbott India"]
MEDICINE_HSN = ["3004", "3004", "3004", "3004", "3003", "3004", "3005", "30049099"]
LAB_TESTS = [
    ("Complete Blood Count", "CBC", "BLOOD"), ("Lipid Profile", "LIPID", "BLOOD"),
    ("HbA1c", "HBA1C", "BLOOD"), ("Thyroid Profile", "TFT", "BLOOD"),
    ("Liver Function Test", "LFT", "BLOOD"), ("Kidney Function Test", "KFT", "BLOOD"),
    ("Urine Routine", "URINE-RE", "URINE"), ("Vitamin D", "VITD", "BLOOD"),
    ("Vitamin B12", "VITB12", "BLOOD"), ("Fasting Blood Sugar", "FBS", "BLOOD"),
    ("Stool Routine", "STOOL-RE", "STOOL"), ("Throat Swab Culture", "SWAB-CS", "SWAB"),
]
SCANS = [("MRI Brain", "Brain", "MRI"), ("CT Chest", "Chest", "CT"),
         ("Ultrasound Abdomen", "Abdomen", "US"), ("X-Ray Chest", "Chest", "X_RAY"),
         ("Mammography", "Breast", "MAMMOGRAPHY"), ("DEXA Spine", "Spine", "DEXA"),
         ("PET-CT Whole Body", "Whole body", "PET_CT"), ("MRI Knee", "Knee", "MRI")]
HOME_SERVICES = [("Physiotherapy Session", "PER_SESSION"), ("Nursing Care (12 h)", "PER_DAY"),
                 ("Ambulance (basic)", "PER_KM"), ("Elder Care Visit", "PER_VISIT"),
                 ("Wound Dressing at Home", "PER_VISIT"), ("Attendant", "PER_HOUR")]
SPECIALTIES = ["General Medicine", "Paediatrics", "Cardiology", "Dermatology",
               "Orthopaedics", "Gynaecology", "ENT", "Psychiatry", "Endocrinology"]
FIRST = ["Aarav", "Vivaan", "Aditya", "Ananya", "Diya", "Ishaan", "Kavya", "Meera", "Rohan",
         "Saanvi", "Arjun", "Priya", "Rahul", "Sneha", "Vikram", "Lakshmi", "Farhan", "Zoya",
         "Harpreet", "Gurpreet", "Anil", "Sunita", "Ravi", "Pooja", "Karthik", "Divya"]
LAST = ["Sharma", "Verma", "Iyer", "Nair", "Reddy", "Patel", "Singh", "Gupta", "Khan", "Das",
        "Banerjee", "Menon", "Rao", "Joshi", "Kulkarni", "Chatterjee", "Pillai", "Gill"]
RELATIONS = ["SPOUSE", "CHILD", "PARENT", "SIBLING", "GRANDPARENT", "PARENT_IN_LAW"]
B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def uuid_of(rng: random.Random) -> str:
    """A version-4-shaped uuid drawn from `rng` (deterministic, unlike uuid.uuid4)."""
    h = f"{(rng.getrandbits(128) & ~(0xF << 76) & ~(0x3 << 62)) | (4 << 76) | (2 << 62):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def pan(rng: random.Random) -> str:
    """A company's PAN (4th character C), as GSTINs of a vendor share one."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return ("".join(rng.choice(letters) for _ in range(3)) + "C" + rng.choice(letters)
            + f"{rng.randrange(10000):04d}" + rng.choice(letters))


def gstin(state_code: str, rng: random.Random, of_pan: str | None = None) -> str:
    """A regular GSTIN with a valid check character, for a given or a random PAN (checked by
    is_valid_gst_registration)."""
    body = f"{state_code}{of_pan or pan(rng)}1Z"
    total = 0
    for i, ch in enumerate(body):
        product = B36.index(ch) * (1 if i % 2 == 0 else 2)
        total += product // 36 + product % 36
    return body + B36[(36 - total % 36) % 36]


def tax_paise(taxable_paise: int, rate_hundredths: int, divisor: int) -> int:
    """round(taxable * rate / divisor, 2) half away from zero, in paise (as PostgreSQL does)."""
    num, den = taxable_paise * rate_hundredths, divisor * 100
    return (2 * num + den) // (2 * den)


def tax_inside_paise(amount_paise: int, rate_hundredths: int, halves: bool) -> int:
    """The GST inside a tax-inclusive amount, in paise, as line_tax_inclusive computes it:
    round(A * r / (2 * (100 + r)), 2) for each of CGST and SGST (halves), or
    round(A * r / (100 + r), 2) for IGST, half away from zero; r in hundredths of a percent."""
    num, den = amount_paise * rate_hundredths, (10000 + rate_hundredths) * (2 if halves else 1)
    return (2 * num + den) // (2 * den)


def rupees(paise: int) -> str:
    return f"{paise // 100}.{paise % 100:02d}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
