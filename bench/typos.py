"""Real-shaped misspellings of real medicine names, for the search benchmark's recall.

BRANDS are Indian brands with their generic and a strength, added to the benchmark's
catalogue (the seed's brands are invented syllables). Each entry of TYPOS is what a patient
types, the brand or generic it means, and the kind of slip: a dropped, doubled, swapped or
wrong letter, or an Indian spelling. A brand typo is found when that brand is in the top 5;
a generic typo when a medicine of that generic is.
"""

from __future__ import annotations

BRANDS: list[tuple[str, str, str]] = [
    ("Amitor", "Atorvastatin", "10 mg"), ("Dolo", "Paracetamol", "650 mg"),
    ("Crocin", "Paracetamol", "500 mg"), ("Calpol", "Paracetamol", "500 mg"),
    ("Combiflam", "Ibuprofen", "400 mg"), ("Brufen", "Ibuprofen", "400 mg"),
    ("Augmentin", "Amoxicillin", "625 mg"), ("Azithral", "Azithromycin", "500 mg"),
    ("Cetzine", "Cetirizine", "10 mg"), ("Okacet", "Cetirizine", "10 mg"),
    ("Glycomet", "Metformin", "500 mg"), ("Atorva", "Atorvastatin", "20 mg"),
    ("Lipitor", "Atorvastatin", "10 mg"), ("Amlokind", "Amlodipine", "5 mg"),
    ("Amlong", "Amlodipine", "5 mg"), ("Telma", "Telmisartan", "40 mg"),
    ("Pantocid", "Pantoprazole", "40 mg"), ("Omez", "Omeprazole", "20 mg"),
    ("Domstal", "Domperidone", "10 mg"), ("Ondem", "Ondansetron", "4 mg"),
    ("Emeset", "Ondansetron", "4 mg"), ("Montair", "Montelukast", "10 mg"),
    ("Levocet", "Levocetirizine", "5 mg"), ("Allegra", "Fexofenadine", "120 mg"),
    ("Voveran", "Diclofenac", "50 mg"), ("Zerodol", "Aceclofenac", "100 mg"),
    ("Flagyl", "Metronidazole", "400 mg"), ("Metrogyl", "Metronidazole", "400 mg"),
    ("Ciplox", "Ciprofloxacin", "500 mg"), ("Zanocin", "Ofloxacin", "200 mg"),
    ("Glevo", "Levofloxacin", "500 mg"), ("Taxim", "Cefixime", "200 mg"),
    ("Ceftum", "Cefuroxime", "500 mg"), ("Amaryl", "Glimepiride", "2 mg"),
    ("Diamicron", "Gliclazide", "80 mg"), ("Januvia", "Sitagliptin", "100 mg"),
    ("Galvus", "Vildagliptin", "50 mg"), ("Rosuvas", "Rosuvastatin", "10 mg"),
    ("Clopilet", "Clopidogrel", "75 mg"), ("Ecosprin", "Aspirin", "75 mg"),
    ("Metolar", "Metoprolol", "50 mg"), ("Concor", "Bisoprolol", "5 mg"),
    ("Cardace", "Ramipril", "5 mg"), ("Lasix", "Furosemide", "40 mg"),
    ("Aldactone", "Spironolactone", "25 mg"), ("Thyronorm", "Levothyroxine", "50 mcg"),
    ("Eltroxin", "Levothyroxine", "50 mcg"), ("Wysolone", "Prednisolone", "10 mg"),
    ("Asthalin", "Salbutamol", "4 mg"), ("Budecort", "Budesonide", "200 mcg"),
    ("Shelcal", "Calcium Carbonate", "500 mg"), ("Rantac", "Ranitidine", "150 mg"),
    ("Famocid", "Famotidine", "20 mg"),
]

TYPOS: list[tuple[str, str, str]] = [
    # brands: (typed, brand, slip)
    ("Amior", "Amitor", "dropped"), ("Dollo", "Dolo", "doubled"),
    ("Crocine", "Crocin", "added"), ("Calpool", "Calpol", "doubled"),
    ("Combiflem", "Combiflam", "wrong"), ("Brufin", "Brufen", "wrong"),
    ("Augmentine", "Augmentin", "added"), ("Azitral", "Azithral", "dropped"),
    ("Cetzin", "Cetzine", "dropped"), ("Okaset", "Okacet", "wrong"),
    ("Glycomat", "Glycomet", "wrong"), ("Atrova", "Atorva", "swapped"),
    ("Lipitro", "Lipitor", "swapped"), ("Amlokid", "Amlokind", "dropped"),
    ("Amlnog", "Amlong", "swapped"), ("Telam", "Telma", "swapped"),
    ("Pantocd", "Pantocid", "dropped"), ("Omze", "Omez", "swapped"),
    ("Domstl", "Domstal", "dropped"), ("Ondam", "Ondem", "wrong"),
    ("Emesat", "Emeset", "wrong"), ("Montiar", "Montair", "swapped"),
    ("Levocit", "Levocet", "wrong"), ("Alegra", "Allegra", "dropped"),
    ("Voveron", "Voveran", "wrong"), ("Zerodal", "Zerodol", "wrong"),
    ("Flagil", "Flagyl", "wrong"), ("Metrogil", "Metrogyl", "wrong"),
    ("Cipolx", "Ciplox", "swapped"), ("Zanocine", "Zanocin", "added"),
    ("Glevoo", "Glevo", "doubled"), ("Taxxim", "Taxim", "doubled"),
    ("Ceftun", "Ceftum", "wrong"), ("Amarill", "Amaryl", "wrong"),
    ("Diamicorn", "Diamicron", "swapped"), ("Januva", "Januvia", "dropped"),
    ("Galvas", "Galvus", "wrong"), ("Rosuvaz", "Rosuvas", "wrong"),
    ("Clopilat", "Clopilet", "wrong"), ("Ecospirin", "Ecosprin", "added"),
    ("Metolor", "Metolar", "wrong"), ("Concorr", "Concor", "doubled"),
    ("Cardase", "Cardace", "wrong"), ("Lassix", "Lasix", "doubled"),
    ("Aldactne", "Aldactone", "dropped"), ("Thyronarm", "Thyronorm", "wrong"),
    ("Eltroxine", "Eltroxin", "added"), ("Wysolon", "Wysolone", "dropped"),
    ("Asthaline", "Asthalin", "added"), ("Budecord", "Budecort", "wrong"),
    ("Shelcall", "Shelcal", "doubled"), ("Rantek", "Rantac", "wrong"),
    ("Famosid", "Famocid", "wrong"),
    # generics: (typed, generic, slip)
    ("Paracteamol", "Paracetamol", "swapped"), ("Paracitamol", "Paracetamol", "Indian"),
    ("Ibuprofin", "Ibuprofen", "wrong"), ("Amoxycillin", "Amoxicillin", "Indian"),
    ("Azithromicin", "Azithromycin", "wrong"), ("Cetrizine", "Cetirizine", "dropped"),
    ("Metfromin", "Metformin", "swapped"), ("Atorvastatine", "Atorvastatin", "added"),
    ("Amlodepine", "Amlodipine", "wrong"), ("Pantaprazole", "Pantoprazole", "wrong"),
    ("Omeprazol", "Omeprazole", "dropped"), ("Domperidon", "Domperidone", "dropped"),
    ("Ondansetrone", "Ondansetron", "added"), ("Montelucast", "Montelukast", "Indian"),
    ("Diclofenec", "Diclofenac", "wrong"), ("Metronidazol", "Metronidazole", "dropped"),
    ("Ciprofloxacine", "Ciprofloxacin", "added"), ("Levofloxacine", "Levofloxacin", "added"),
    ("Doxycyline", "Doxycycline", "dropped"), ("Cefixim", "Cefixime", "dropped"),
    ("Glimiperide", "Glimepiride", "swapped"), ("Sitagliptine", "Sitagliptin", "added"),
    ("Rosuvastatine", "Rosuvastatin", "added"), ("Clopidogral", "Clopidogrel", "wrong"),
    ("Levothyroxin", "Levothyroxine", "dropped"), ("Prednisolon", "Prednisolone", "dropped"),
    ("Salbutamole", "Salbutamol", "added"), ("Fexofenadin", "Fexofenadine", "dropped"),
]

GENERIC_NAMES = {generic for _, generic, _ in BRANDS}
