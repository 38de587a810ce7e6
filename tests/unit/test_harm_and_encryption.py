"""The harm test and the encryption safe harbour of each breach law, row by row from its text.

Each row gives the risk of harm the facts record (none < unlikely < risk < high, see the facts
format) and whether the data was encrypted with a safe or a compromised key, and the recipients
owed in that place. Rows sit at the boundary: the lowest risk that still triggers the duty and the
one below. The mapping of the statutes' words onto that scale is the rule book's (README, "How the
facts' vocabulary maps onto the statutes"): notice excused only when there is *no reasonable
likelihood* of harm (or misuse is *not reasonably possible*) owes it from `unlikely`; excused when
harm is *not (reasonably) likely* owes it from `risk`; a *significant* / *serious* / *high* risk
test owes it from `high`. Every row was written down from the statute before the engine was run;
its comment cites the section. Discovery is Monday 2 March 2026, 16:00 UTC.
"""

import pytest

from tests.unit.law_cases import breach, recipients_in

SAFE_KEY = {"encrypted": True, "key_compromised": False}
LOST_KEY = {"encrypted": True, "key_compromised": True}


def _facts(affected, *, risk, enc=None, cause=None, **options):
    return breach(affected, risk=risk, encryption=enc, cause=cause or "external_attack", **options)


def _recipients(out, place):
    return recipients_in(out, place, "EU") if place in EU_MEMBERS else recipients_in(out, place)


EU_MEMBERS = {"DE"}  # GDPR Art 34 is one EU-wide rule: its duty sits in "EU"


IND, AG, CRA = "individuals", "attorney_general", "consumer_reporting_agencies"
AGENCY, OWNER, SA = "state_agency", "controller", "supervisory_authority"
REC = "internal"  # a record the organisation keeps (GDPR / UK GDPR Art 33(5))
INTERNAL = "internal"
P = {"role": "processor"}

# (place, people by residence, risk of harm, facts options, recipients owed in `place`)
ROWS = [
    # --- No harm test: notice whatever the risk. ---
    # California, Cal. Civ. Code 1798.82(a): residents whose unencrypted personal information
    # (or encrypted, with the key also acquired) was acquired; (f) the Attorney General above 500.
    ("US-CA", {"US-CA": 600}, "none", {}, {IND, AG}),
    ("US-CA", {"US-CA": 600}, "none", {"enc": SAFE_KEY}, set()),
    ("US-CA", {"US-CA": 600}, "none", {"enc": LOST_KEY}, {IND, AG}),
    ("US-CA", {"US-CA": 5}, "none", P, {OWNER}),  # 1798.82(b)
    # Illinois, 815 ILCS 530/10(a): no harm test; encrypted data with the key taken counts.
    ("US-IL", {"US-IL": 10}, "none", {}, {IND}),
    ("US-IL", {"US-IL": 10}, "none", {"enc": SAFE_KEY}, set()),
    ("US-IL", {"US-IL": 10}, "none", {"enc": LOST_KEY}, {IND}),
    # Texas, Bus. & Com. Code 521.053(b), (i) (the attorney general from 250 residents); a breach
    # includes encrypted data "if the person accessing the data has the key" (521.053(a)).
    ("US-TX", {"US-TX": 250}, "none", {}, {IND, AG}),
    ("US-TX", {"US-TX": 250}, "none", {"enc": SAFE_KEY}, set()),
    ("US-TX", {"US-TX": 250}, "none", {"enc": LOST_KEY}, {IND, AG}),
    # Minnesota, Minn. Stat. 325E.61 subd. 1(a): no harm test.
    ("US-MN", {"US-MN": 10}, "none", {}, {IND}),
    # Georgia, O.C.G.A. 10-1-912(a): no harm test.
    ("US-GA", {"US-GA": 10}, "none", {}, {IND}),
    # North Dakota, N.D.C.C. 51-30-02: no harm test; the attorney general above 250.
    ("US-ND", {"US-ND": 251}, "none", {}, {IND, AG}),
    # Nevada, NRS 603A.220(1); Tennessee, Tenn. Code 47-18-2107(b): no harm test.
    ("US-NV", {"US-NV": 10}, "none", {}, {IND}),
    ("US-TN", {"US-TN": 10}, "none", {}, {IND}),
    # New York, GBL 899-aa(2), (8)(a): the only harm exception is for an inadvertent disclosure
    # by authorised persons, which the facts do not record; the Attorney General, Department of
    # State and State Police are told of every notice to residents.
    ("US-NY", {"US-NY": 10}, "none", {}, {IND, AG, AGENCY}),
    # Massachusetts, M.G.L. c. 93H s. 3(b): notice also where personal information "was acquired
    # or used by an unauthorized person" (no harm qualifier on that limb): the Attorney General,
    # the Director of Consumer Affairs and Business Regulation (who names the consumer reporting
    # agencies to tell) and the residents.
    ("US-MA", {"US-MA": 10}, "none", {}, {IND, AG, AGENCY, CRA}),
    # Puerto Rico, 10 L.P.R.A. 4052 (residents and the Department of Consumer Affairs);
    # US Virgin Islands, 14 V.I.C. 2209(a): no harm test.
    ("US-PR", {"US-PR": 10}, "none", {}, {IND, AGENCY}),
    ("US-VI", {"US-VI": 10}, "none", {}, {IND}),
    # --- Excused only when there is no reasonable likelihood of harm: owed from `unlikely`. ---
    # Alaska, AS 45.48.010(c): "not a reasonable likelihood that harm ... has resulted or will
    # result", after written notification to the attorney general (owed only on that path).
    ("US-AK", {"US-AK": 10}, "none", {}, {AG}),
    ("US-AK", {"US-AK": 10}, "unlikely", {}, {IND}),
    # Arkansas, Ark. Code 4-110-105(d): "no reasonable likelihood of harm"; the Attorney General
    # above 1,000 individuals follows the residents' notice (4-110-105(a)(2)).
    ("US-AR", {"US-AR": 1001}, "none", {}, set()),
    ("US-AR", {"US-AR": 1001}, "unlikely", {}, {IND, AG}),
    # Iowa, Iowa Code 715C.2(6): "no reasonable likelihood of financial harm"; (8) the attorney
    # general when more than 500 residents must be notified.
    ("US-IA", {"US-IA": 501}, "none", {}, set()),
    ("US-IA", {"US-IA": 501}, "unlikely", {}, {IND, AG}),
    # Louisiana, La. R.S. 51:3074(I): "no reasonable likelihood of harm"; La. Admin. Code tit.
    # 16, pt. III, 701: the Attorney General when notice to residents is required.
    ("US-LA", {"US-LA": 10}, "none", {}, set()),
    ("US-LA", {"US-LA": 10}, "unlikely", {}, {IND, AG}),
    # Maine, 10 M.R.S. 1348(1)(B): unless misuse "is not reasonably possible"; (5) the Attorney
    # General (no state regulator) when notice is required.
    ("US-ME", {"US-ME": 10}, "none", {}, set()),
    ("US-ME", {"US-ME": 10}, "unlikely", {}, {IND, AG}),
    # New Jersey, N.J.S.A. 56:8-163(a): unless "misuse of the information is not reasonably
    # possible"; (c)(1) the Division of State Police before the customers.
    ("US-NJ", {"US-NJ": 10}, "none", {}, set()),
    ("US-NJ", {"US-NJ": 10}, "unlikely", {}, {IND, AGENCY}),
    # Indiana, Ind. Code 24-4.9-3-1(a): "has resulted in or could result in identity deception,
    # identity theft, or fraud" - excused only without a reasonable possibility; the attorney
    # general with every disclosure (24-4.9-3-1(c)).
    ("US-IN", {"US-IN": 10}, "none", {}, set()),
    ("US-IN", {"US-IN": 10}, "unlikely", {}, {IND, AG}),
    # Vermont, 9 V.S.A. 2435(d)(1): unless misuse "is not reasonably possible"; (b)(3) the
    # Attorney General's preliminary notice.
    ("US-VT", {"US-VT": 10}, "unlikely", {}, {IND, AG}),
    # --- Excused when harm is not (reasonably) likely: owed from `risk`. ---
    # Oregon, ORS 646A.604: consumers need not be told if they "are unlikely to suffer harm";
    # (1)(b) the Attorney General above 250 consumers who must be notified. The vendor's notice
    # to the covered entity, (2)(a), has no harm test.
    ("US-OR", {"US-OR": 251}, "unlikely", {}, set()),
    ("US-OR", {"US-OR": 251}, "risk", {}, {IND, AG}),
    ("US-OR", {"US-OR": 5}, "unlikely", P, {OWNER}),
    # Mississippi, Miss. Code 75-24-29(3): excused if the breach "will not likely result in harm".
    ("US-MS", {"US-MS": 10}, "unlikely", {}, set()),
    ("US-MS", {"US-MS": 10}, "risk", {}, {IND}),
    ("US-MS", {"US-MS": 10}, "risk", {"enc": SAFE_KEY}, set()),
    # Pennsylvania, 73 P.S. 2302: a breach is an acquisition "that causes or the entity
    # reasonably believes has caused or will cause loss or injury"; 2303(a) residents, Act 33 of
    # 2024 the Attorney General and (2305) the consumer reporting agencies above 500; 2303(b) the
    # vendor of a breach so defined.
    ("US-PA", {"US-PA": 501}, "unlikely", {}, set()),
    ("US-PA", {"US-PA": 501}, "risk", {}, {IND, AG, CRA}),
    ("US-PA", {"US-PA": 5}, "unlikely", P, set()),
    ("US-PA", {"US-PA": 5}, "risk", P, {OWNER}),
    # South Dakota, SDCL 22-40-20: residents excused if the breach "will not likely result in
    # harm"; the attorney general told of any breach exceeding 250 residents, whatever the harm;
    # the consumer reporting agencies whenever the residents are told.
    ("US-SD", {"US-SD": 251}, "unlikely", {}, {AG}),
    ("US-SD", {"US-SD": 251}, "risk", {}, {IND, AG, CRA}),  # 22-40-24: agencies, no count
    # Relying on that exception needs "notice to the attorney general" first, whatever the count.
    ("US-SD", {"US-SD": 250}, "unlikely", {}, {AG}),
    ("US-SD", {"US-SD": 10}, "none", {}, {AG}),
    ("US-SD", {"US-SD": 10}, "risk", {}, {IND, CRA}),
    # Florida, Fla. Stat. 501.171(4)(c): individuals excused if the breach "has not and will not
    # likely result in identity theft or any other financial harm"; (3)(a) the Department of
    # Legal Affairs of any breach affecting 500 or more (rule-level rows below). When excused, the
    # written determination goes to the Department (4)(c): listed undated without its date.
    ("US-FL", {"US-FL": 10}, "unlikely", {}, {AGENCY}),
    ("US-FL", {"US-FL": 10}, "risk", {}, {IND}),
    # Connecticut, Conn. Gen. Stat. 36a-701b(b)(1): excused if "the breach will not likely
    # result in harm"; the Attorney General no later than the residents.
    ("US-CT", {"US-CT": 10}, "unlikely", {}, set()),
    ("US-CT", {"US-CT": 10}, "risk", {}, {IND, AG}),
    # Delaware, 6 Del. C. 12B-102(a): excused if "unlikely to result in harm"; (d) the Attorney
    # General above 500 residents.
    ("US-DE", {"US-DE": 501}, "unlikely", {}, set()),
    ("US-DE", {"US-DE": 501}, "risk", {}, {IND, AG}),
    # District of Columbia, D.C. Code 28-3852(g): excused if the breach "will not likely result
    # in harm"; (b-1) the Attorney General from 50.
    ("US-DC", {"US-DC": 50}, "unlikely", {}, set()),
    ("US-DC", {"US-DC": 50}, "risk", {}, {IND, AG}),
    # Washington, RCW 19.255.010(1): "not reasonably likely to subject consumers to a risk of
    # harm"; (7) the Attorney General above 500. The vendor's notice, (2), has no harm test.
    ("US-WA", {"US-WA": 501}, "unlikely", {}, set()),
    ("US-WA", {"US-WA": 501}, "risk", {}, {IND, AG}),
    ("US-WA", {"US-WA": 5}, "unlikely", P, {OWNER}),
    # Colorado, C.R.S. 6-1-716(2)(a): unless misuse "has not occurred and is not reasonably likely
    # to occur"; (2)(f) the Attorney General from 500.
    ("US-CO", {"US-CO": 500}, "unlikely", {}, set()),
    ("US-CO", {"US-CO": 500}, "risk", {}, {IND, AG}),
    # Arizona, A.R.S. 18-552(J): excused if "not reasonably likely to result in substantial
    # economic loss"; (B) the Attorney General and agencies above 1,000.
    ("US-AZ", {"US-AZ": 1001}, "unlikely", {}, set()),
    ("US-AZ", {"US-AZ": 1001}, "risk", {}, {IND, AG, CRA, AGENCY}),
    # Alabama, Ala. Code 8-38-5(a): notice if the breach "is reasonably likely to cause
    # substantial harm"; 8-38-6 the Attorney General above 1,000 to notify.
    ("US-AL", {"US-AL": 1001}, "unlikely", {}, set()),
    ("US-AL", {"US-AL": 1001}, "risk", {}, {IND, AG, CRA}),
    # Michigan, MCL 445.72(1): excused unless the breach is likely to "cause substantial loss or
    # injury to, or result in identity theft"; (2) the vendor under the same test.
    ("US-MI", {"US-MI": 10}, "unlikely", {}, set()),
    ("US-MI", {"US-MI": 10}, "risk", {}, {IND}),
    ("US-MI", {"US-MI": 5}, "unlikely", P, set()),
    # Missouri, RSMo 407.1500.2(5): excused if identity theft or fraud "is not reasonably likely".
    ("US-MO", {"US-MO": 10}, "unlikely", {}, set()),
    ("US-MO", {"US-MO": 10}, "risk", {}, {IND}),
    # Idaho 28-51-105(1); Kansas 50-7a02(a); Nebraska 87-803(1) (and (2) the Attorney General
    # with the residents); Utah 13-44-202(1); Wyoming 40-12-502(a): notice where misuse "has
    # occurred or is reasonably likely to occur".
    ("US-ID", {"US-ID": 10}, "unlikely", {}, set()),
    ("US-ID", {"US-ID": 10}, "risk", {}, {IND}),
    ("US-KS", {"US-KS": 10}, "unlikely", {}, set()),
    ("US-KS", {"US-KS": 10}, "risk", {}, {IND}),
    ("US-NE", {"US-NE": 10}, "unlikely", {}, set()),
    ("US-NE", {"US-NE": 10}, "risk", {}, {IND, AG}),
    ("US-UT", {"US-UT": 10}, "unlikely", {}, set()),
    ("US-UT", {"US-UT": 10}, "risk", {}, {IND}),
    ("US-WY", {"US-WY": 10}, "unlikely", {}, set()),
    ("US-WY", {"US-WY": 10}, "risk", {}, {IND}),
    # Wyoming 40-12-501(a)(i): the breach itself "causes or is reasonably believed to cause loss or
    # injury", so the maintainer's notice of it, 40-12-502(g), carries that test.
    ("US-WY", {"US-WY": 5}, "unlikely", P, set()),
    ("US-WY", {"US-WY": 5}, "risk", P, {OWNER}),
    # New Hampshire, RSA 359-C:20(I)(a): notice where misuse "has occurred or is reasonably likely
    # to occur"; (I)(b) the Attorney General with it.
    ("US-NH", {"US-NH": 10}, "unlikely", {}, set()),
    ("US-NH", {"US-NH": 10}, "risk", {}, {IND, AG}),
    # Maryland, Com. Law 14-3504(b)(2): notice where misuse "has been or will be" likely; (h) the
    # Attorney General before the residents.
    ("US-MD", {"US-MD": 10}, "unlikely", {}, set()),
    ("US-MD", {"US-MD": 10}, "risk", {}, {IND, AG}),
    # Wisconsin, Wis. Stat. 134.98(2)(cm)1: excused if the acquisition "does not create a
    # material risk of identity theft or fraud".
    ("US-WI", {"US-WI": 10}, "unlikely", {}, set()),
    ("US-WI", {"US-WI": 10}, "risk", {}, {IND}),
    # Ohio, R.C. 1349.19(A)(1)(a): the breach itself is defined by "a material risk of identity
    # theft or other fraud"; (C) the custodian's notice to the owner of such a breach.
    ("US-OH", {"US-OH": 10}, "unlikely", {}, set()),
    ("US-OH", {"US-OH": 10}, "risk", {}, {IND}),
    # Harm in the definition of the breach, so the vendor's notice carries it too:
    # North Carolina 75-61(14), 75-65(b) (and 75-65(e1) the Attorney General with the residents);
    # Kentucky KRS 365.732(1)(a), (3); Montana 30-14-1704(4)(a), (2) ((8) the attorney general);
    # South Carolina 39-1-90(D)(1), (B); Virginia 18.2-186.6(A), (D) ((B) the Office of the
    # Attorney General with every disclosure); West Virginia 46A-2A-101(1), -102(c); Hawaii
    # 487N-1, 487N-2(b); Oklahoma 24 O.S. 162(1), 163(B); Guam 9 GCA 48.20(a), 48.30(b).
    ("US-NC", {"US-NC": 10}, "unlikely", {}, set()),
    ("US-NC", {"US-NC": 10}, "risk", {}, {IND, AG}),
    ("US-NC", {"US-NC": 5}, "unlikely", P, set()),
    ("US-NC", {"US-NC": 5}, "risk", P, {OWNER}),
    ("US-KY", {"US-KY": 10}, "unlikely", {}, set()),
    ("US-KY", {"US-KY": 10}, "risk", {}, {IND}),
    ("US-KY", {"US-KY": 5}, "unlikely", P, set()),
    ("US-KY", {"US-KY": 5}, "risk", P, {OWNER}),
    ("US-MT", {"US-MT": 10}, "unlikely", {}, set()),
    ("US-MT", {"US-MT": 10}, "risk", {}, {IND, AG}),
    ("US-MT", {"US-MT": 5}, "unlikely", P, set()),
    ("US-MT", {"US-MT": 5}, "risk", P, {OWNER}),
    ("US-SC", {"US-SC": 10}, "unlikely", {}, set()),
    ("US-SC", {"US-SC": 10}, "risk", {}, {IND}),
    ("US-SC", {"US-SC": 5}, "unlikely", P, set()),
    ("US-SC", {"US-SC": 5}, "risk", P, {OWNER}),
    ("US-VA", {"US-VA": 10}, "unlikely", {}, set()),
    ("US-VA", {"US-VA": 10}, "risk", {}, {IND, AG}),
    ("US-VA", {"US-VA": 5}, "unlikely", P, set()),
    ("US-VA", {"US-VA": 5}, "risk", P, {OWNER}),
    ("US-WV", {"US-WV": 10}, "unlikely", {}, set()),
    ("US-WV", {"US-WV": 10}, "risk", {}, {IND}),
    ("US-WV", {"US-WV": 5}, "unlikely", P, set()),
    ("US-WV", {"US-WV": 5}, "risk", P, {OWNER}),
    ("US-HI", {"US-HI": 10}, "unlikely", {}, set()),
    ("US-HI", {"US-HI": 10}, "risk", {}, {IND}),
    ("US-HI", {"US-HI": 5}, "unlikely", P, set()),
    ("US-HI", {"US-HI": 5}, "risk", P, {OWNER}),
    ("US-OK", {"US-OK": 10}, "unlikely", {}, set()),
    ("US-OK", {"US-OK": 10}, "risk", {}, {IND}),
    ("US-OK", {"US-OK": 5}, "unlikely", P, set()),
    ("US-OK", {"US-OK": 5}, "risk", P, {OWNER}),
    ("US-GU", {"US-GU": 10}, "unlikely", {}, set()),
    ("US-GU", {"US-GU": 10}, "risk", {}, {IND}),
    ("US-GU", {"US-GU": 5}, "unlikely", P, set()),
    ("US-GU", {"US-GU": 5}, "risk", P, {OWNER}),
    # --- A significant-risk test: owed from `high`. ---
    # New Mexico, NMSA 57-12C-6: excused if the breach "does not give rise to a significant risk
    # of identity theft or fraud" (the owner's and the maintainer's notices); 57-12C-10 the
    # attorney general and agencies above 1,000 residents to be notified.
    ("US-NM", {"US-NM": 1001}, "risk", {}, set()),
    ("US-NM", {"US-NM": 1001}, "high", {}, {IND, AG, CRA}),
    ("US-NM", {"US-NM": 1001}, "high", {"enc": SAFE_KEY}, set()),
    ("US-NM", {"US-NM": 1001}, "high", {"enc": LOST_KEY}, {IND, AG, CRA}),
    ("US-NM", {"US-NM": 5}, "risk", P, set()),
    ("US-NM", {"US-NM": 5}, "high", P, {OWNER}),
    # Rhode Island, R.I. Gen. Laws 11-49.3-4(a)(1): a breach "that poses a significant risk of
    # identity theft"; (a)(2) the Attorney General and agencies above 500 residents.
    ("US-RI", {"US-RI": 501}, "risk", {}, set()),
    ("US-RI", {"US-RI": 501}, "high", {}, {IND, AG, CRA}),
    # --- Outside the United States. ---
    # GDPR Art 33(1): the authority "unless the personal data breach is unlikely to result in a
    # risk"; Art 34(1): the data subject where "likely to result in a high risk", not required
    # under Art 34(3)(a) where the data was rendered unintelligible, such as by encryption.
    # Art 33(5): every breach is documented, whatever the risk or the encryption (REC).
    ("DE", {"DE": 10}, "unlikely", {}, {REC}),
    ("DE", {"DE": 10}, "risk", {}, {SA, REC}),
    ("DE", {"DE": 10}, "high", {}, {SA, IND, REC}),
    ("DE", {"DE": 10}, "high", {"enc": SAFE_KEY}, {SA, REC}),
    ("DE", {"DE": 10}, "high", {"enc": LOST_KEY}, {SA, IND, REC}),
    # United Kingdom, UK GDPR Arts 33, 34 and 33(5) (the same words).
    ("GB", {"GB": 10}, "unlikely", {}, {REC}),
    ("GB", {"GB": 10}, "risk", {}, {SA, REC}),
    ("GB", {"GB": 10}, "high", {"enc": SAFE_KEY}, {SA, REC}),
    # Isle of Man, Applied GDPR Arts 33, 34 (the GDPR text as applied), 34(3)(a) included.
    # Applied GDPR Art 33(5): every breach recorded (REC).
    ("IM", {"IM": 10}, "unlikely", {}, {REC}),
    ("IM", {"IM": 10}, "risk", {}, {SA, REC}),
    ("IM", {"IM": 10}, "high", {}, {SA, IND, REC}),
    ("IM", {"IM": 10}, "high", {"enc": SAFE_KEY}, {SA, REC}),
    ("IM", {"IM": 10}, "high", {"enc": LOST_KEY}, {SA, IND, REC}),
    # Mauritius, Data Protection Act 2017 s 25 (the Commissioner, unless unlikely to result in a
    # risk), s 26(1) (the data subject where a high risk is likely), 26(3)(a) (not required where
    # the data was rendered unintelligible, such as by encryption).
    # s 3: a controller established (or using equipment) in Mauritius.
    ("MU", {"MU": 10}, "unlikely", {"est": ("MU",)}, set()),
    ("MU", {"MU": 10}, "risk", {"est": ("MU",)}, {SA}),
    ("MU", {"MU": 10}, "high", {"est": ("MU",)}, {SA, IND}),
    ("MU", {"MU": 10}, "high", {"enc": SAFE_KEY, "est": ("MU",)}, {SA}),
    ("MU", {"MU": 10}, "high", {"enc": LOST_KEY, "est": ("MU",)}, {SA, IND}),
    # Kenya, Data Protection Act 2019 s 43(1) (a real risk of harm: the Data Commissioner and the
    # data subject), (6) (the data subject need not be told where safeguards such as encryption
    # were implemented).
    ("KE", {"KE": 10}, "unlikely", {}, set()),
    ("KE", {"KE": 10}, "risk", {}, {SA, IND}),
    ("KE", {"KE": 10}, "risk", {"enc": SAFE_KEY}, {SA}),
    # Nigeria, NDPA 2023 s 40(2) (the Commission where a risk is likely), (3) (the data subject
    # where a high risk is likely): no encryption exemption in the Act.
    ("NG", {"NG": 10}, "high", {"enc": SAFE_KEY}, {SA, IND}),
    # Brazil, LGPD art. 48 and Res. CD/ANPD 15/2024 art. 5: an incident that may cause relevant risk
    # or damage - one that may "afetar significativamente" the data subjects' interests and rights:
    # the ANPD and the data subjects.
    # Res. CD/ANPD 15/2024 art. 10: every incident in the register (REC), communicated or not.
    ("BR", {"BR": 10}, "risk", {}, {REC}),
    ("BR", {"BR": 10}, "high", {}, {SA, IND, REC}),
    # Australia, Privacy Act 1988 ss 26WE(2), 26WK, 26WL: an eligible data breach is one likely to
    # result in serious harm; the assessment (s 26WH) is owed for every suspected breach.
    ("AU", {"AU": 10}, "risk", {}, {INTERNAL}),
    ("AU", {"AU": 10}, "high", {}, {INTERNAL, SA, IND}),
    # Canada, PIPEDA s 10.1(1), (3): a real risk of significant harm; (4) every breach recorded.
    ("CA", {"CA": 10}, "risk", {}, {INTERNAL}),
    # PIPEDA s. 10.2(1): the organisations that may reduce the harm follow the individuals' notice.
    ("CA", {"CA": 10}, "high", {}, {INTERNAL, SA, IND, "state_agency"}),
    # New Zealand, Privacy Act 2020 s 112: a notifiable privacy breach causes or is likely to
    # cause serious harm.
    ("NZ", {"NZ": 10}, "risk", {}, set()),
    ("NZ", {"NZ": 10}, "high", {}, {SA, IND}),
    # Singapore, PDPA s 26D(5)(b): the individuals need not be told where a technological measure
    # applied before the breach renders significant harm unlikely (encryption with a safe key).
    ("SG", {"SG": 10}, "high", {}, {INTERNAL, SA, IND}),
    ("SG", {"SG": 10}, "high", {"enc": SAFE_KEY}, {INTERNAL, SA}),
]


@pytest.mark.parametrize(("place", "affected", "risk", "options", "owed"), ROWS)
def test_harm_and_encryption(clocks, place, affected, risk, options, owed):
    out = clocks(_facts(affected, risk=risk, **options))
    assert _recipients(out, place) == owed


# (rule, people, risk, options, owed?) - duties whose recipient another rule of the place shares.
RULE_ROWS = [
    # Florida, Fla. Stat. 501.171(3)(a): the Department of Legal Affairs "of any breach of security
    # affecting 500 or more individuals in this state" - the no-harm exception, (4)(c), excuses
    # only the notice to individuals.
    ("US-FL-DLA", {"US-FL": 500}, "unlikely", {}, True),
    ("US-FL-DLA", {"US-FL": 499}, "risk", {}, False),
    ("US-FL-DLA", {"US-FL": 500}, "none", {"enc": SAFE_KEY}, False),
    ("US-FL-IND", {"US-FL": 500}, "unlikely", {}, False),
    # Japan, PPC Enforcement Rules Art 7: personal data with advanced encryption is excluded from
    # every reportable category - sensitive data (i), wrongful purpose (iii) - and so from the
    # notice to the individuals (APPI Art 26(2)); a leaked key leaves it reportable. The sensitive
    # rows record a misdirected disclosure, so the wrongful-purpose category (iii) is not in play.
    (
        "JP-APPI-PPC-SENSITIVE",
        {"JP": 10},
        "high",
        {"cause": "misdirected_disclosure", "data": ["name", "medical"]},
        True,
    ),
    (
        "JP-APPI-PPC-SENSITIVE",
        {"JP": 10},
        "high",
        {"cause": "misdirected_disclosure", "data": ["name", "medical"], "enc": SAFE_KEY},
        False,
    ),
    (
        "JP-APPI-PPC-SENSITIVE",
        {"JP": 10},
        "high",
        {"cause": "misdirected_disclosure", "data": ["name", "medical"], "enc": LOST_KEY},
        True,
    ),
    ("JP-APPI-PPC-WRONGFUL", {"JP": 10}, "none", {"data": ["name", "contact"]}, True),
    (
        "JP-APPI-PPC-WRONGFUL",
        {"JP": 10},
        "none",
        {"data": ["name", "contact"], "enc": SAFE_KEY},
        False,
    ),
    ("JP-APPI-IND", {"JP": 10}, "none", {"data": ["name", "contact"], "enc": SAFE_KEY}, False),
    ("JP-APPI-IND", {"JP": 10}, "none", {"data": ["name", "contact"], "enc": LOST_KEY}, True),
]


@pytest.mark.parametrize(("rule", "affected", "risk", "options", "owed"), RULE_ROWS)
def test_harm_and_encryption_by_rule(clocks, rule, affected, risk, options, owed):
    out = clocks(_facts(affected, risk=risk, **options))
    assert (rule in out.owed) is owed, out.excluded.get(rule)
