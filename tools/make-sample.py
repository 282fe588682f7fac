#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes data/sample/sample.json, the illustrative sample data set.

Governments are real places (real city, region and association names, ISO
3166 countries, UCLG world regions). Hubs, proposals, people, reviews and
figures are illustrative: every summary says so and every record is marked as
sample data when loaded. The output is deterministic: UUIDs are derived from
names, measurements from a fixed random seed. Run it again after editing:

    python3 tools/make-sample.py > data/sample/sample.json
"""

import base64
import hashlib
import json
import os
import random
import sys
import uuid

NS = uuid.UUID("5b8d3c61-5f34-4d0c-9a9e-1c4a7d2e9b10")
STAMP = "2026-11-01T09:00:00Z"
ORIGIN = str(uuid.uuid5(NS, "sample-origin"))
rnd = random.Random(20261101)


def uid(*parts):
    return str(uuid.uuid5(NS, "/".join(parts)))


def common(rec):
    rec.setdefault("created_at", STAMP)
    rec.setdefault("updated_at", STAMP)
    rec.setdefault("origin", ORIGIN)
    return rec


records = {k: [] for k in [
    "government", "call", "criterion", "attachment", "proposal", "hub", "activity",
    "partner", "deliverable", "deliverable_change", "indicator", "measurement", "network_event",
    "progress_report", "hub_link",
    "member", "conflict", "assignment", "review", "decision", "clarification", "brand_asset", "brand_colour"]}

# --- Governments: real places --------------------------------------------------
GOVS = [
    # key, name, kind, country, region
    ("soria", "Soria", "city", "ES", "europe"),
    ("amb", "Àrea Metropolitana de Barcelona", "association", "ES", "europe"),
    ("bristol", "Bristol", "city", "GB", "europe"),
    ("ethekwini", "eThekwini (Durban)", "city", "ZA", "africa"),
    ("chefchaouen", "Chefchaouen", "city", "MA", "africa"),
    ("kisumu", "Kisumu County", "region", "KE", "africa"),
    ("dakar", "Dakar", "city", "SN", "africa"),
    ("gwangju", "Gwangju", "city", "KR", "asia-pacific"),
    ("surabaya", "Surabaya", "city", "ID", "asia-pacific"),
    ("bhubaneswar", "Bhubaneswar", "city", "IN", "asia-pacific"),
    ("kazan", "Kazan", "city", "RU", "eurasia"),
    ("almaty", "Almaty", "city", "KZ", "eurasia"),
    ("gaziantep", "Gaziantep", "city", "TR", "mewa"),
    ("amman", "Greater Amman Municipality", "city", "JO", "mewa"),
    ("bogota", "Bogotá", "city", "CO", "latin-america"),
    ("quito", "Quito", "city", "EC", "latin-america"),
    ("montevideo", "Montevideo", "city", "UY", "latin-america"),
    ("jalisco", "Jalisco", "region", "MX", "latin-america"),
    ("saopaulo", "São Paulo", "city", "BR", "latin-america"),
    ("montreal", "Montréal", "city", "CA", "north-america"),
    ("kitchener", "Kitchener", "city", "CA", "north-america"),
    ("fmdv", "Fédération des municipalités du Québec", "association", "CA", "north-america"),
]
# where each government sits (its seat), in degrees
PLACES = {'soria': (41.7636, -2.4649),
    'amb': (41.3874, 2.1686),
    'bristol': (51.4545, -2.5879),
    'ethekwini': (-29.8587, 31.0218),
    'chefchaouen': (35.1688, -5.2636),
    'kisumu': (-0.0917, 34.768),
    'dakar': (14.7167, -17.4677),
    'gwangju': (35.1595, 126.8526),
    'surabaya': (-7.2575, 112.7521),
    'bhubaneswar': (20.2961, 85.8245),
    'kazan': (55.7887, 49.1221),
    'almaty': (43.222, 76.8512),
    'gaziantep': (37.0662, 37.3833),
    'amman': (31.9539, 35.9106),
    'bogota': (4.711, -74.0721),
    'quito': (-0.1807, -78.4678),
    'montevideo': (-34.9011, -56.1645),
    'jalisco': (20.6597, -103.3496),
    'saopaulo': (-23.5505, -46.6333),
    'montreal': (45.5017, -73.5673),
    'kitchener': (43.4516, -80.4925),
    'fmdv': (46.8139, -71.208)}
G = {}
for key, name, kind, country, region in GOVS:
    G[key] = uid("government", key)
    records["government"].append(common({
        "id": G[key], "name": name, "kind": kind, "country": country, "region": region,
        "contact": "local4action@%s.example.org" % key,
        "latitude": PLACES[key][0], "longitude": PLACES[key][1]}))

# --- Calls and criteria -----------------------------------------------------------
FEATURES = [
    ("locally-driven", "Locally driven",
     "Led by a specific local or regional government, or an association of them."),
    ("time", "Time",
     "Deliverables agreed beforehand between the partners, within one to three years."),
    ("communication", "Communication",
     "A strategy to disseminate the hub and its activities."),
    ("brand", "UCLG brand",
     "Coherent with the brand; the common visual materials are respected."),
    ("results", "Actionable and scalable results",
     "Deliverables with criteria set in a participatory process, so partners can monitor impact."),
    ("topic", "Topic",
     "In the priorities of the Durban manifestos or the 2030 Agenda, or an innovative approach."),
]
# What each level from 0 to 5 means, as the secretariat words it per call
LEVELS = {
    "locally-driven": [
        "No local or regional government leads the hub.",
        "A government is named, but others drive the work.",
        "A government leads part of the work; roles are unclear.",
        "A government leads, and its partners know their roles.",
        "A government leads with partners who share the work and its costs.",
        "A government or an association leads, with committed partners and a plan to hand over.",
    ],
    "time": [
        "No deliverables or no time frame.",
        "Deliverables are vague or fall outside one to three years.",
        "Some deliverables have dates; the partners have not agreed them.",
        "Dated deliverables within the time frame, agreed by the lead.",
        "Dated deliverables agreed by every partner.",
        "Dated, agreed deliverables with milestones and who answers for each.",
    ],
    "communication": [
        "No communication strategy.",
        "A wish to communicate, with no channels or audience.",
        "Channels named, without audiences or timing.",
        "A strategy with audiences, channels and timing.",
        "A strategy that links the hub to the global agenda.",
        "A strategy with measures of reach and a budget.",
    ],
    "brand": [
        "No commitment to the brand.",
        "The brand is mentioned only.",
        "The label is used, without the common materials.",
        "The label and common materials are used in person.",
        "The label and materials are used in person and online.",
        "The brand kit is respected everywhere, with someone who answers for it.",
    ],
    "results": [
        "No results that partners can monitor.",
        "Results stated without indicators.",
        "Indicators without baselines or targets.",
        "Indicators with baselines and targets.",
        "Indicators set with the partners, with a monitoring plan.",
        "Indicators set in a participatory process, ready for other hubs to reuse.",
    ],
    "topic": [
        "Outside the priorities of the network.",
        "Loosely related to the priorities.",
        "Related to one goal of the 2030 Agenda.",
        "Serves the 2030 Agenda or the Durban manifestos clearly.",
        "Serves several goals with a clear local angle.",
        "An innovative approach that other governments can learn from.",
    ],
}
CALLS = [
    ("2024", "Local4Action HUBs call 2024", "2024-02-01", "2024-04-30", "decided"),
    ("2025", "Local4Action HUBs call 2025", "2025-09-01", "2025-11-30", "closed"),
    ("2026", "Local4Action HUBs call 2026", "2026-10-01", "2027-01-31", "open"),
]
C = {}
CRIT = {}
for key, title, opens, closes, status in CALLS:
    C[key] = uid("call", key)
    records["call"].append(common({
        "id": C[key], "title": title,
        "description": "Illustrative sample call: local and regional governments propose hubs "
                       "that show the six key features of a Local4Action hub.",
        "opens_on": opens, "closes_on": closes, "status": status,
        # a small board: reviewers with two reviews in the call are calibrated
        "calibration_minimum": 2}))
    for pos, (ckey, label, guidance) in enumerate(FEATURES):
        cid = uid("criterion", key, ckey)
        CRIT[(key, ckey)] = cid
        records["criterion"].append(common({
            "id": cid, "call_id": C[key], "key": ckey, "label": label, "guidance": guidance,
            "weight": 1.0, "scale_min": 0, "scale_max": 5, "required": 1, "position": pos,
            "levels": "\n".join(LEVELS[ckey])}))

# --- Hubs ------------------------------------------------------------------------------
# key, gov, name, topic, axis, format, start, end, status, sdgs, councils, call
HUBS = [
    ("soria-rural", "soria", "Rural Resilience and Depopulation Hub", "Rural-urban linkages and demographic challenge",
     "people", "hybrid", "2024-09-01", "2027-08-31", "active", [11, 8, 10], ["right-to-the-city"], "2024"),
    ("amb-climate", "amb", "Metropolitan Climate Shelters Hub", "Heat adaptation in public buildings",
     "planet", "in-person", "2024-07-01", "2026-06-30", "completed", [13, 11, 3], ["resilient-cities"], "2024"),
    ("bristol-onecity", "bristol", "One City Localisation Hub", "Voluntary Local Review and city partnerships",
     "government", "hybrid", "2023-03-01", "2025-02-28", "completed", [17, 11, 16], ["multilevel-governance"], None),
    ("durban-coast", "ethekwini", "Coastal Communities Adaptation Hub", "Coastal adaptation with informal settlements",
     "planet", "in-person", "2024-10-01", "2027-03-31", "active", [13, 14, 1], ["resilient-cities", "right-to-the-city"], "2024"),
    ("chefchaouen-heritage", "chefchaouen", "Heritage and Green Economy Hub", "Culture-led local development",
     "people", "hybrid", "2025-01-15", "2027-01-14", "active", [8, 11, 12], ["opportunities-culture-diplomacy"], None),
    ("gwangju-rights", "gwangju", "Human Rights City Hub", "Human rights-based local governance",
     "people", "hybrid", "2023-05-01", "2025-10-31", "completed", [16, 10, 5], ["right-to-the-city"], None),
    ("surabaya-waste", "surabaya", "Community Waste Banks Hub", "Circular economy through neighbourhood waste banks",
     "planet", "in-person", "2024-06-01", "2026-11-30", "active", [12, 11, 6], ["new-urban-agenda"], "2024"),
    ("kazan-mobility", "kazan", "Accessible Public Space Hub", "Inclusive and accessible public spaces",
     "people", "in-person", "2024-04-01", "2026-03-31", "completed", [11, 10, 3], ["new-urban-agenda"], None),
    ("almaty-air", "almaty", "Clean Air Partnership Hub", "Air quality monitoring and clean heating",
     "planet", "hybrid", "2025-03-01", "2027-02-28", "active", [11, 3, 7], ["resilient-cities"], None),
    ("gaziantep-migration", "gaziantep", "Cities of Welcome Hub", "Local services for refugees and host communities",
     "people", "in-person", "2024-11-01", "2027-10-31", "active", [10, 16, 4], ["right-to-the-city"], "2024"),
    ("amman-water", "amman", "Water-Wise City Hub", "Water demand management",
     "planet", "virtual", "2025-02-01", "2026-07-31", "withdrawn", [6, 13], ["resilient-cities"], None),
    ("bogota-care", "bogota", "Care Blocks Hub", "District care system for unpaid carers",
     "people", "in-person", "2024-08-01", "2027-07-31", "active", [5, 10, 8], ["right-to-the-city"], "2024"),
    ("quito-food", "quito", "Agrifood Resilience Hub", "Urban agriculture and short food chains",
     "planet", "hybrid", "2023-09-01", "2025-08-31", "completed", [2, 11, 12], ["new-urban-agenda"], None),
    ("montreal-culture", "montreal", "Culture in Sustainable Cities Hub", "Culture as a pillar of sustainable development",
     "people", "hybrid", "2025-04-01", "2027-09-30", "active", [11, 4, 17], ["opportunities-culture-diplomacy"], None),
    ("kitchener-housing", "kitchener", "Affordable Housing Acceleration Hub", "Housing first and affordable supply",
     "government", "in-person", "2025-06-01", "2027-05-31", "active", [11, 1, 10], ["right-to-the-city"], None),
]

H = {}
for (key, gov, name, topic, axis, fmt, start, end, status, sdgs, councils, call) in HUBS:
    H[key] = uid("hub", key)

PARTNER_NAMES = {
    "europe": ["Regional development agency", "University research group", "Network of small towns"],
    "africa": ["Community-based organisations forum", "National association of municipalities", "University partner"],
    "asia-pacific": ["Neighbourhood associations", "Metropolitan planning institute", "Youth council"],
    "eurasia": ["City transport company", "Association of persons with disabilities", "Technical university"],
    "mewa": ["Refugee-led organisations", "Chamber of commerce", "Regional water utility"],
    "latin-america": ["Women carers' network", "Local food producers' cooperative", "Public university"],
    "north-america": ["Arts council", "Non-profit housing coalition", "Regional municipality"],
}
GOV_REGION = {key: region for key, _, _, _, region in GOVS}
GOV_NAME = {key: name for key, name, _, _, _ in GOVS}

INDICATORS = {
    11: ("11.6.2", "Annual mean level of fine particulate matter (PM2.5)", "µg/m³", "lower", 28.0, 20.0),
    13: ("13.1.2", "Share of population covered by a local disaster risk reduction strategy", "%", "higher", 35.0, 80.0),
    12: ("11.6.1", "Municipal solid waste collected and managed in controlled facilities", "%", "higher", 52.0, 75.0),
    5: ("5.4.1", "Hours of unpaid care work relieved per carer per week", "hours", "higher", 0.0, 6.0),
    10: ("L-INC-01", "Residents reached by inclusive services", "people", "higher", 1200.0, 6000.0),
    6: ("6.4.2", "Non-revenue water", "%", "lower", 42.0, 30.0),
    2: ("2.4.1", "Urban agricultural area under sustainable practices", "ha", "higher", 12.0, 40.0),
    8: ("8.5.2", "Unemployment rate among young people", "%", "lower", 24.0, 18.0),
    16: ("16.7.2", "Residents who feel included in local decision-making", "%", "higher", 31.0, 50.0),
    1: ("1.4.1", "Households with access to basic services", "%", "higher", 61.0, 80.0),
    17: ("17.17.1", "Partners contributing to the hub's joint products", "partners", "higher", 4.0, 15.0),
    4: ("4.7.1", "Schools running the hub's learning programme", "schools", "higher", 3.0, 25.0),
    14: ("14.1.1", "Coastal sites with a monitored pollution index", "sites", "higher", 2.0, 12.0),
    7: ("7.2.1", "Renewable share of municipal energy use", "%", "higher", 14.0, 35.0),
    9: ("9.c.1", "Open datasets published with a data ethics review", "datasets", "higher", 5.0, 60.0),
    15: ("15.1.1", "Forest area restored with community partners", "ha", "higher", 150.0, 900.0),
    3: ("3.9.1", "Heat-related emergency calls in summer", "calls", "lower", 410.0, 250.0),
}


def add_months(date, months):
    y, m, d = map(int, date.split("-"))
    m += months
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return "%04d-%02d-%02d" % (y, m, min(d, 28))


SAMPLE_DAY = "2026-10-31"


def series(ind_id, source, baseline, target, start, years):
    """Half-yearly measurements moving from baseline toward target, with noise."""
    n = years * 2
    for i in range(1, n + 1):
        # nothing measured after the sample was made
        if add_months(start, 6 * i) > SAMPLE_DAY:
            break
        progress = i / (n + 2) * rnd.uniform(0.6, 1.15)
        value = baseline + (target - baseline) * progress
        value += (target - baseline) * rnd.uniform(-0.06, 0.06)
        records["measurement"].append(common({
            "id": uid("measurement", ind_id, str(i)),
            "indicator_id": ind_id,
            "measured_on": add_months(start, 6 * i),
            "value": round(value, 1),
            "source": source,
            "note": ""}))


# Related hubs: pairs sharing a first SDG or a region (their joint products too)
RELATED_PAIRS = [("soria-rural", "kazan-mobility"), ("amb-climate", "durban-coast"),
                 ("surabaya-waste", "quito-food"), ("bogota-care", "gwangju-rights"),
                 ("gaziantep-migration", "montreal-culture"), ("almaty-air", "amb-climate")]


def add_days(date, days):
    import datetime
    return (datetime.date.fromisoformat(date) + datetime.timedelta(days=days)).isoformat()


def parts(owner_field, owner_id, key, region, start, end, sdgs, gov):
    for pos, pname in enumerate(PARTNER_NAMES[region]):
        records["partner"].append(common({
            "id": uid("partner", key, str(pos)), owner_field: owner_id,
            "name": "%s (%s)" % (pname, GOV_NAME[gov]),
            "role": ["Co-lead", "Technical partner", "Dissemination partner"][pos], "position": pos}))
    months = (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7])
    for pos, (title, frac) in enumerate([("Baseline study and partner agreement", 0.2),
                                         ("Pilot in two neighbourhoods", 0.55),
                                         ("Toolkit and peer-learning session", 0.9)]):
        due = add_months(start, int(months * frac))
        status = "done" if due < "2026-11-01" else "planned"
        # one hub ran late on its last deliverable, and said so
        late = owner_field == "hub_id" and key == "hub-surabaya-waste" and pos == 2
        if late:
            status = "late"
        if owner_field == "proposal_id":
            status = "planned"
        deliverable_id = uid("deliverable", key, str(pos))
        records["deliverable"].append(common({
            "id": deliverable_id, owner_field: owner_id,
            "title": title, "description": "Illustrative sample deliverable.",
            "due_on": due, "status": status, "position": pos}))
        if owner_field == "hub_id" and status != "planned":
            # how it got there: work began two months before it was due
            started = add_months(due, -2)
            records["deliverable_change"].append(common({
                "id": uid("deliverable_change", key, str(pos), "start"), "deliverable_id": deliverable_id,
                "status": "in-progress", "changed_on": started, "evidence_url": "", "evidence_name": "",
                "note": "Illustrative sample change: work began with the partners."}))
            if late:
                records["deliverable_change"].append(common({
                    "id": uid("deliverable_change", key, str(pos), "late"), "deliverable_id": deliverable_id,
                    "status": "late", "changed_on": add_months(due, 1), "evidence_url": "", "evidence_name": "",
                    "note": "Illustrative sample change: the partners asked for a second round of testing."}))
            else:
                records["deliverable_change"].append(common({
                    "id": uid("deliverable_change", key, str(pos), "done"), "deliverable_id": deliverable_id,
                    "status": "done", "changed_on": due,
                    "evidence_url": "https://example.org/local4action/%s/%d" % (key, pos), "evidence_name": "",
                    "note": "Illustrative sample change."}))


for (key, gov, name, topic, axis, fmt, start, end, status, sdgs, councils, call) in HUBS:
    region = GOV_REGION[gov]
    hub = common({
        "id": H[key], "government_id": G[gov], "name": name,
        "summary": "Illustrative sample hub (not an official record): %s led by %s." % (topic.lower(), GOV_NAME[gov]),
        "topic": topic, "pact_axis": axis, "format": fmt, "start_on": start, "end_on": end,
        "status": status, "label_date": add_months(start, -2),
        "communication": "Quarterly newsletter, a session at the annual Local4Action meeting point and a shared web page.",
        "brand_commitment": "Uses the Local4Action label and palette on every material, in person and online.",
        "sdgs": sdgs, "councils": councils})
    if call:
        hub["proposal_id"] = uid("proposal", key)
    records["hub"].append(hub)
    parts("hub_id", H[key], "hub-" + key, region, start, end, sdgs, gov)
    for pos, (kind, title, months) in enumerate([("event", "Launch workshop with partners", 2),
                                                ("training", "Training for municipal staff", 7),
                                                ("publication", "Learning note on the first year", 12),
                                                ("peer-visit", "Peer visit from a sister hub", 16),
                                                ("joint-product", "Shared toolkit with peer hubs", 20)]):
        when = add_months(start, months)
        if when > "2026-11-01":
            continue
        activity = common({
            "id": uid("activity", key, str(pos)), "hub_id": H[key], "kind": kind,
            "title": title, "happened_on": when, "url": "",
            "place": "" if kind == "publication" else GOV_NAME[gov],
            "online": 1 if kind in ("publication", "joint-product") or fmt == "virtual" else 0,
            "description": "Illustrative sample activity.",
            "sdgs": sdgs[:1] if kind != "event" else sdgs[:2]})
        if kind in ("event", "training"):
            activity["ends_on"] = add_days(when, 1)
        if kind == "joint-product":
            activity["hubs"] = [H[b] for a, b in RELATED_PAIRS if a == key] + \
                               [H[a] for a, b in RELATED_PAIRS if b == key]
        records["activity"].append(activity)
    years = max(2, min(5, 2026 - int(start[:4]) + 1))
    for pos, goal in enumerate(sdgs[:2]):
        code, iname, unit, direction, baseline, target = INDICATORS[goal]
        ind_id = uid("indicator", key, code)
        records["indicator"].append(common({
            "id": ind_id, "hub_id": H[key], "code": code,
            "framework": "2025" if not code.startswith("L-") else "",
            "name": iname, "unit": unit, "direction": direction,
            "baseline_value": baseline, "baseline_on": add_months(start, -6),
            "target_value": target, "target_on": end, "position": pos}))
        series(ind_id, "Illustrative sample figures", baseline, target, add_months(start, -6), years)

for a, b in RELATED_PAIRS:
    for hub in records["hub"]:
        if hub["id"] == H[a]:
            hub.setdefault("related", []).append(H[b])

# --- Proposals in every workflow state -------------------------------------------------------
# key, gov, title, call, state, version, sdgs, axis, fmt, start, end, submitted_at
PROPOSALS = [
    ("kisumu-lake", "kisumu", "Lake Victoria Blue Economy Hub", "2026", "draft", 1, [14, 8], "planet", "hybrid",
     "2027-03-01", "2029-02-28", None),
    ("quito-water", "quito", "Andean Water Funds Hub", "2026", "submitted", 1, [6, 15], "planet", "in-person",
     "2027-04-01", "2029-03-31", "2026-11-10T14:20:00Z"),
    ("amman-youth", "amman", "Youth Civic Labs Hub", "2026", "withdrawn", 1, [16, 4], "people", "virtual",
     "2027-02-01", "2028-07-31", "2026-10-20T08:00:00Z"),
    ("jalisco-forest", "jalisco", "Forest Landscapes Restoration Hub", "2026", "submitted", 1, [15, 13], "planet", "hybrid",
     "2027-05-01", "2029-04-30", "2026-11-18T10:05:00Z"),
    ("gwangju-ai", "gwangju", "Ethical Urban Data Hub", "2025", "under-review", 1, [9, 16], "government", "hybrid",
     "2026-03-01", "2028-02-29", "2025-11-20T09:30:00Z"),
    ("gaziantep-jobs", "gaziantep", "Decent Work for Newcomers Hub", "2025", "under-review", 1, [8, 10], "people", "in-person",
     "2026-04-01", "2028-03-31", "2025-11-25T16:45:00Z"),
    ("montevideo-care", "montevideo", "Inclusive Neighbourhood Care Hub", "2025", "under-review", 1, [5, 3], "people", "in-person",
     "2026-02-01", "2027-07-31", "2025-11-28T11:10:00Z"),
    ("bhubaneswar-heat", "bhubaneswar", "Heat Action Planning Hub", "2025", "decided", 1, [13, 3], "planet", "hybrid",
     "2026-03-01", "2028-02-29", "2025-10-02T07:00:00Z"),
    ("dakar-mobility", "dakar", "Sustainable Mobility Corridors Hub", "2024", "draft", 2, [11, 9], "planet", "in-person",
     "2025-06-01", "2027-05-31", "2024-04-10T12:00:00Z"),
    ("saopaulo-data", "saopaulo", "Open Budget Data Hub", "2024", "released", 1, [16, 17], "government", "virtual",
     "2024-09-01", "2026-02-28", "2024-04-22T15:00:00Z"),
]
for (key, gov, name, topic, axis, fmt, start, end, status, sdgs, councils, call) in HUBS:
    if call:
        PROPOSALS.append((key, gov, name.replace(" Hub", "") + " Hub", call, "released", 1, sdgs, axis, fmt,
                          start, end, "2024-04-15T10:00:00Z"))

P = {}
for (key, gov, title, call, state, version, sdgs, axis, fmt, start, end, submitted) in PROPOSALS:
    P[key] = uid("proposal", key)
    region = GOV_REGION[gov]
    prop = common({
        "id": P[key], "call_id": C[call], "government_id": G[gov], "title": title,
        "summary": "Illustrative sample proposal (not an official record) from %s." % GOV_NAME[gov],
        "topic": title.replace(" Hub", ""), "pact_axis": axis, "format": fmt,
        "start_on": start, "end_on": end,
        "communication": "A communication plan with partners: launch event, newsletter, social media and a final forum.",
        "brand_commitment": "We will use the Local4Action label and the common visual materials.",
        "monitoring_plan": "Partners agree the indicators in a participatory workshop and report twice a year.",
        "version": version, "state": state, "sdgs": sdgs})
    if submitted:
        prop["submitted_at"] = submitted
    if state == "draft" and version == 1:
        # A draft still being written: its eligibility panel has work to show.
        prop["communication"] = "Newsletter and social media."
        prop["brand_commitment"] = ""
    records["proposal"].append(prop)
    parts("proposal_id", P[key], "proposal-" + key, region, start, end, sdgs, gov)
    code, iname, unit, direction, baseline, target = INDICATORS.get(sdgs[0], INDICATORS[17])
    records["indicator"].append(common({
        "id": uid("indicator", "proposal", key), "proposal_id": P[key], "code": code,
        "framework": "2025" if not code.startswith("L-") else "", "name": iname, "unit": unit,
        "direction": direction, "baseline_value": baseline, "baseline_on": start,
        "target_value": target, "target_on": end, "position": 0}))

# --- Advisory Board ---------------------------------------------------------------------------
MEMBERS = [
    ("m1", "Amina Diallo", "dakar", "SN", "africa"),
    ("m2", "Lucía Fernández", "montevideo", "UY", "latin-america"),
    ("m3", "Ji-woo Park", "gwangju", "KR", "asia-pacific"),
    ("m4", "Aigerim Sadykova", "almaty", "KZ", "eurasia"),
    ("m5", "Samir Haddad", "amman", "JO", "mewa"),
    ("m6", "Claire Tremblay", "montreal", "CA", "north-america"),
    ("m7", "Thandiwe Nkosi", "ethekwini", "ZA", "africa"),
    ("m8", "Marta Soler", "amb", "ES", "europe"),
    ("m9", "Rahul Mehta", None, "IN", "asia-pacific"),
]
# What each member declared they can review (illustrative)
EXPERTISE = {
    "m1": {"sdgs": [9, 11, 17], "axes": ["government"], "regions": ["africa", "europe"], "languages": ["en", "fr"]},
    "m2": {"sdgs": [5, 10, 11], "axes": ["people"], "regions": ["latin-america"], "languages": ["en", "es"]},
    "m3": {"sdgs": [8, 9, 13], "axes": ["planet"], "regions": ["asia-pacific"], "languages": ["en"]},
    "m4": {"sdgs": [3, 5, 8], "axes": ["people"], "regions": ["eurasia", "latin-america"], "languages": ["en", "es"]},
    "m5": {"sdgs": [6, 11, 16], "axes": ["people", "government"], "regions": ["mewa"], "languages": ["en", "fr", "es"]},
    "m6": {"sdgs": [9, 11, 16], "axes": ["government"], "regions": ["north-america", "asia-pacific"], "languages": ["en", "fr"]},
    "m7": {"sdgs": [1, 8, 13], "axes": ["planet"], "regions": ["africa"], "languages": ["en"]},
    "m8": {"sdgs": [11, 13], "axes": ["planet"], "regions": ["europe", "mewa"], "languages": ["en", "fr", "es"]},
    "m9": {"sdgs": [3, 5, 11], "axes": ["people"], "regions": ["asia-pacific", "latin-america"], "languages": ["en", "es"]},
}
M = {}
for key, name, gov, country, region in MEMBERS:
    M[key] = uid("member", key)
    rec = common({"id": M[key], "name": name + " (sample)", "country": country, "region": region,
                  "contact": "%s@example.org" % name.split()[0].lower()})
    if gov:
        rec["government_id"] = G[gov]
        records["conflict"].append(common({
            "id": uid("conflict", key, gov), "member_id": M[key], "government_id": G[gov],
            "kind": "automatic", "reason": "Own government"}))
    rec.update(EXPERTISE[key])
    records["member"].append(rec)
# Country conflicts and declared ones
records["conflict"].append(common({"id": uid("conflict", "m8", "soria"), "member_id": M["m8"],
                                   "government_id": G["soria"], "kind": "automatic", "reason": "Same country"}))
records["conflict"].append(common({"id": uid("conflict", "m9", "bhubaneswar"), "member_id": M["m9"],
                                   "government_id": G["bhubaneswar"], "kind": "automatic", "reason": "Same country"}))
records["conflict"].append(common({"id": uid("conflict", "m6", "kitchener"), "member_id": M["m6"],
                                   "government_id": G["kitchener"], "kind": "automatic", "reason": "Same country"}))
records["conflict"].append(common({"id": uid("conflict", "m2", "bogota"), "member_id": M["m2"],
                                   "government_id": G["bogota"], "kind": "declared",
                                   "reason": "Advised the care system team in 2023"}))
records["conflict"].append(common({"id": uid("conflict", "m4", "gaziantep"), "member_id": M["m4"],
                                   "government_id": G["gaziantep"], "kind": "declared",
                                   "reason": "Co-authored a study with the municipality"}))

# Assignments and reviews for the 2025 call (round 1)
ASSIGN = {
    "gwangju-ai": ["m1", "m2", "m6"],
    "gaziantep-jobs": ["m3", "m7", "m8"],
    "montevideo-care": ["m4", "m5", "m9"],
    "bhubaneswar-heat": ["m1", "m3", "m8"],
}
REC_FOR = {"grant": (4, 5), "revise": (2, 4), "decline": (1, 2)}
for pkey, members in ASSIGN.items():
    for i, mkey in enumerate(members):
        records["assignment"].append(common({
            "id": uid("assignment", pkey, mkey), "proposal_id": P[pkey], "member_id": M[mkey],
            "round": 1, "due_on": "2026-01-31"}))
        submitted = not (pkey == "montevideo-care" and i == 2) and not (pkey == "gaziantep-jobs" and i == 1)
        recommendation = ["grant", "revise", "grant"][i] if pkey != "bhubaneswar-heat" else "grant"
        lo, hi = REC_FOR[recommendation]
        scores = {CRIT[("2025", f[0])]: rnd.randint(lo, hi) for f in FEATURES}
        review = common({
            "id": uid("review", pkey, mkey), "proposal_id": P[pkey], "member_id": M[mkey],
            "round": 1, "proposal_version": 1,
            "comments_authors": "Illustrative sample review: clear local leadership; "
                                "make the monitoring plan more specific.",
            "comments_confidential": "Illustrative sample note for the board only.",
            "scores": scores})
        if submitted:
            review["confidence"] = ["expert", "knowledgeable", "outsider"][(i + len(pkey)) % 3]
            review["recommendation"] = recommendation
            review["submitted_at"] = "2026-01-%02dT10:00:00Z" % (10 + i)
        records["review"].append(review)

# Questions to governments before the decision (illustrative)

records["clarification"].append(common({
    "id": uid("clarification", "gwangju-ai", "1"), "proposal_id": P["gwangju-ai"], "asked_by": "secretariat",
    "question": "Which partner city hosts the second peer-learning visit, and who funds it?",
    "status": "answered", "sent_at": "2026-01-20T09:00:00Z",
    "answer": "Montevideo hosts it in May 2026; each city pays its own travel, the hub the venue.",
    "answered_at": "2026-01-24T15:30:00Z"}))
records["clarification"].append(common({
    "id": uid("clarification", "gwangju-ai", "2"), "proposal_id": P["gwangju-ai"], "asked_by": M["m6"],
    "question": "How will the hub publish the algorithm register in other languages?",
    "status": "suggested"}))
records["clarification"].append(common({
    "id": uid("clarification", "montevideo-care", "1"), "proposal_id": P["montevideo-care"], "asked_by": "board",
    "question": "Are the neighbourhood care centres already staffed, or hired with the hub's budget?",
    "status": "sent", "sent_at": "2026-01-22T09:00:00Z"}))

# Decisions: released ones for the 2024 call, unreleased ones for 2025/2024 revise
for (key, gov, name, topic, axis, fmt, start, end, status, sdgs, councils, call) in HUBS:
    if call:
        records["decision"].append(common({
            "id": uid("decision", key), "proposal_id": P[key], "proposal_version": 1,
            "outcome": "label-granted", "rationale": "Illustrative sample decision: all six key features shown.",
            "internal_notes": "Illustrative internal note.", "decided_at": "2024-06-10T09:00:00Z",
            "released_at": "2024-06-20T09:00:00Z"}))
records["decision"].append(common({
    "id": uid("decision", "saopaulo-data"), "proposal_id": P["saopaulo-data"], "proposal_version": 1,
    "outcome": "declined", "rationale": "Illustrative sample decision: the topic overlaps an existing hub.",
    "internal_notes": "Illustrative internal note.", "decided_at": "2024-06-10T09:00:00Z",
    "released_at": "2024-06-20T09:00:00Z"}))
records["decision"].append(common({
    "id": uid("decision", "dakar-mobility"), "proposal_id": P["dakar-mobility"], "proposal_version": 1,
    "outcome": "revise-resubmit", "rationale": "Illustrative sample decision: agree the deliverables with partners first.",
    "internal_notes": "Illustrative internal note.", "decided_at": "2024-06-10T09:00:00Z",
    "released_at": "2024-06-20T09:00:00Z"}))
records["decision"].append(common({
    "id": uid("decision", "bhubaneswar-heat"), "proposal_id": P["bhubaneswar-heat"], "proposal_version": 1,
    "outcome": "label-granted", "rationale": "Illustrative sample decision, not yet released.",
    "internal_notes": "Illustrative internal note: announce at the annual meeting.",
    "decided_at": "2026-02-15T09:00:00Z"}))

# --- Brand kit ----------------------------------------------------------------------------------
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "data", "brand", "local4action-label.svg"), "rb") as f:
    svg = f.read()
sha = hashlib.sha256(svg).hexdigest()
records["attachment"].append({"sha256": sha, "media_type": "image/svg+xml", "size": len(svg),
                              "data": base64.b64encode(svg).decode("ascii"), "created_at": STAMP})
records["brand_asset"].append(common({
    "id": uid("brand_asset", "label"), "name": "Local4Action label", "kind": "label",
    "variant": "horizontal", "media_type": "image/svg+xml", "sha256": sha,
    "min_size_px": 120, "clear_space": 0.25}))
PALETTE = [
    ("Hub Blue", "primary", "#1B4F8C", "27 79 140", "81 44 0 45", "7687 C"),
    ("Action Orange", "accent", "#E2711D", "226 113 29", "0 50 87 11", "158 C"),
    ("Local Green", "secondary", "#2E8540", "46 133 64", "65 0 52 48", "356 C"),
    ("Ink", "text", "#1E1E28", "30 30 40", "25 25 0 84", "Black 6 C"),
    ("Paper", "background", "#FFFFFF", "255 255 255", "0 0 0 0", ""),
]
for pos, (name, role, hexv, rgb, cmyk, pantone) in enumerate(PALETTE):
    records["brand_colour"].append(common({
        "id": uid("brand_colour", name), "name": name, "role": role, "hex": hexv, "rgb": rgb,
        "cmyk": cmyk, "pantone": pantone, "position": pos}))

# Progress reports, half-yearly from the label date: the older ones read and
# acknowledged, the last one submitted by some hubs and still missing for others
def month_end(date, months):
    return add_days(add_months(date, months), -1)


for index, (key, gov, name, topic, axis, fmt, start, end, status, sdgs, councils, call) in enumerate(HUBS):
    anchor = add_months(start, -2)
    k = 0
    while True:
        first = add_months(anchor, 6 * k)
        last = min(month_end(anchor, 6 * (k + 1)), end)
        due = add_days(last, 30)
        k += 1
        if first > end or due > "2026-11-01" or last <= first:
            break
        next_first = add_months(anchor, 6 * k)
        next_last = min(month_end(anchor, 6 * (k + 1)), end)
        latest = next_first > end or add_days(next_last, 30) > "2026-11-01" or next_last <= next_first
        if latest and index % 3 == 0:
            continue  # not sent yet: due or overdue
        records["progress_report"].append(common({
            "id": uid("progress_report", key, first), "hub_id": H[key], "period_start": first,
            "period_end": last, "due_on": due,
            "narrative": "Illustrative sample report: the partners met as planned and the work moved on to the "
                         "next deliverable.",
            "status": "submitted" if latest else "acknowledged", "gathered": "",
            "submitted_at": add_days(last, 20) + "T09:00:00Z",
            "reviewed_at": None if latest else add_days(last, 40) + "T09:00:00Z",
            "comment": "" if latest else "Thank you.",
        }))

# Links between hubs: two the secretariat made, one a government proposed
LINKS = [("amb-climate", "durban-coast", "peer-learning", "secretariat", "accepted",
          "Heat and coastal adaptation with vulnerable neighbourhoods"),
         ("soria-rural", "kazan-mobility", "shared-topic", "secretariat", "accepted", ""),
         ("surabaya-waste", "quito-food", "joint-product", "government", "proposed",
          "A shared guide to food waste and neighbourhood waste banks")]
for a, b, reason, by, status, note in LINKS:
    records["hub_link"].append(common({
        "id": uid("hub_link", a, b), "hub_id": H[a], "other_id": H[b], "reason": reason, "note": note,
        "status": status, "proposed_by": by}))

# The network's meeting points, with hubs presenting
MEETINGS = [
    ("forum", "Venice Solutions Forum 2025", "2025-10-15", "2025-10-17", "Venice, Italy",
     ["soria-rural", "amb-climate", "bristol-onecity"]),
    ("world-council", "UCLG World Council 2026", "2026-06-09", "2026-06-11", "Online", ["bogota-care"]),
    ("policy-council", "Policy Council on Resilient Cities", "2026-09-22", "2026-09-22", "Online",
     ["amb-climate", "durban-coast", "almaty-air"]),
    ("forum", "Venice Solutions Forum 2026", "2026-10-14", "2026-10-16", "Venice, Italy",
     ["surabaya-waste", "gaziantep-migration", "chefchaouen-heritage"]),
    ("forum", "Venice Solutions Forum 2027", "2027-10-13", "2027-10-15", "Venice, Italy", []),
]
for kind, title, first, last, place, presenting in MEETINGS:
    records["network_event"].append(common({
        "id": uid("network_event", title), "kind": kind, "title": title, "starts_on": first, "ends_on": last,
        "place": place, "url": "", "description": "Illustrative sample meeting point of the network.",
        "hubs": [H[key] for key in presenting]}))

document = {
    "format": "local4action-bundle",
    "format_version": 1,
    "kind": "full",
    "bundle_id": uid("bundle", "sample"),
    "created_at": STAMP,
    "origin": {"installation": ORIGIN, "role": "secretariat", "actor": "sample"},
    "note": "Illustrative sample data. Governments are real places; hubs, proposals, people, "
            "reviews and figures are invented for demonstration and are not official records.",
    "records": records,
}


def canonical(value):
    """The canonical serialization of docs/bundle-format.md."""
    if isinstance(value, dict):
        names = sorted(value, key=lambda name: name.encode("utf-8"))
        return "{" + ",".join(canonical(name) + ":" + canonical(value[name]) for name in names) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ord(ch) < 0x20:
                out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    return "%.17g" % value


document["checksum"] = hashlib.sha256(canonical(records).encode("utf-8")).hexdigest()
json.dump(document, sys.stdout, ensure_ascii=False, indent=1, sort_keys=False)
sys.stdout.write("\n")
