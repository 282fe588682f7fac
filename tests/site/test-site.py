#!/usr/bin/python3
"""The published website, as its readers and the machines that harvest it
meet it: the sample registry (with a hub led by São Paulo and a hub whose
name is a piece of HTML) published by the command line, then

- every page parses as HTML5 and every link inside the site resolves;
- the downloads equal `list hubs --csv|--json`; the DCAT catalogue, the Atom
  feed and the sitemap parse and say what a harvester reads;
- publishing again writes no file; a hub taken away takes its pages away;
- in Chromium (headless, from file://, no network): search as you type,
  two filters, a map marker to its hub, the language switch, a hostile hub
  name shown as text with no script run, and axe-core finds no WCAG 2.1 A
  or AA violation on the network page, the list, a hub page and the open
  data page, light and dark.

Then a registry of 16 715 hubs: its list and its open data in pages of a
hundred (every hub once, in order; the links between pages), a sitemap
index past 50 000 addresses, and in Chromium a search and a filter from a
later page finding hubs of every page, "Show more hubs", and axe-core.

Screenshots at 1280 and 360 px, light and dark, go to the output folder.

Usage: test-site.py LOCAL4ACTION AXE_JS OUTPUT_DIR
"""

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlparse

import html5lib
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BINARY, AXE, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
if not os.path.exists(AXE):
    print(f'1..0 # SKIP axe-core is not in {AXE}: tools/setup installs it from npm')
    sys.exit(0)
BASE = 'https://hubs.example.org/registry/'
HOSTILE = '<img src=x onerror=alert(1)>'
ENV = dict(os.environ, LANG='C.UTF-8', LC_ALL='C.UTF-8')
ENV.pop('LANGUAGE', None)

results = []


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))
    status = 'ok' if condition else 'not ok'
    print(f'{status} {len(results)} - {name}' + ('' if condition else f' # {detail}'), flush=True)


def run(db, *args):
    done = subprocess.run([BINARY, '--db', db, '--role', 'secretariat', *args], env=ENV,
                          capture_output=True, text=True)
    if done.returncode != 0:
        # what the program said, for the log, before the test stops
        sys.stderr.write(done.stderr[-20000:])
        done.check_returncode()
    return done.stdout


def fold(text):
    return ''.join(c for c in unicodedata.normalize('NFD', text) if not unicodedata.combining(c)).lower()


def words(text):
    return [w for w in re.split(r'[^0-9a-z\u00c0-\uffff]+', fold(text)) if w]


tmp = tempfile.mkdtemp(prefix='l4a-site-')
db = os.path.join(tmp, 'hubs.sqlite')
site = os.path.join(OUT, 'site')
shutil.rmtree(site, ignore_errors=True)
os.makedirs(OUT, exist_ok=True)
run(db, 'sample')
with sqlite3.connect(db) as connection:
    connection.execute("UPDATE hub SET government_id = (SELECT id FROM government WHERE name = 'São Paulo') "
                       "WHERE name = 'Care Blocks Hub'")
    connection.execute("UPDATE hub SET name = ?, summary = '<script>alert(2)</script> & more' "
                       "WHERE name = 'Clean Air Partnership Hub'", (HOSTILE,))
printed = run(db, 'publish', '--out', site, '--base-url', BASE)
check('publish says what it wrote', re.search(r'\d+ files written', printed), printed)

# Files -------------------------------------------------------------------------------
pages = []
for root, _, files in os.walk(site):
    for name in files:
        if name.endswith('.html'):
            pages.append(os.path.join(root, name))
check('pages in three languages', all(os.path.exists(os.path.join(site, lang, 'hubs.html'))
                                      for lang in ('en', 'fr', 'es')), pages[:5])

parser = html5lib.HTMLParser(strict=True)
bad = []
for page in pages:
    try:
        with open(page, 'rb') as f:
            parser.parse(f)
    except Exception as error:  # html5lib says where the page breaks the syntax
        bad.append(f'{os.path.relpath(page, site)}: {error}')
check('every page parses as HTML5', not bad, bad[:3])

broken = []
for page in pages:
    with open(page, encoding='utf-8') as f:
        text = f.read()
    for link in re.findall(r'(?:href|src)="([^"]+)"', text):
        url = urlparse(link)
        if url.scheme or link.startswith('#'):
            continue
        target = os.path.normpath(os.path.join(os.path.dirname(page), unquote(url.path)))
        if not os.path.exists(target):
            broken.append(f'{os.path.relpath(page, site)} → {link}')
check('every link inside the site resolves', not broken, broken[:5])

# A hub's label: the kit's, written once for the whole site, with the hub's
# name and place as text inside it; no drawing of it for each hub
hub_pages = [p for p in pages if os.path.basename(os.path.dirname(p)) == 'hubs']
with open(os.path.join(site, 'assets', 'label.svg'), 'rb') as f:
    kit_label = f.read()
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data', 'brand',
                       'local4action-label.svg'), 'rb') as f:
    check('the kit’s label is written once, as the kit holds it', kit_label == f.read())
unlabelled = []
for page in hub_pages:
    with open(page, encoding='utf-8') as f:
        text = f.read()
    card = re.search(r'<div class="label-card" role="img" aria-label="([^"]+)"><img src="([^"]+)" alt=""><hr>'
                     r'<p class="label-name">([^<]+)</p><p class="label-place">([^<]+)</p></div>', text)
    heading = re.search(r'<h1>([^<]+)</h1>', text)
    if not (card and heading and card.group(3) == heading.group(1) and card.group(3) in card.group(1)
            and os.path.normpath(os.path.join(os.path.dirname(page), card.group(2)))
            == os.path.join(site, 'assets', 'label.svg')):
        unlabelled.append(os.path.relpath(page, site))
check('every hub page shows its label: the kit’s, its name and its place as text', hub_pages and not unlabelled,
      unlabelled[:3])
no_data = [os.path.relpath(p, site) for p in hub_pages
           if f'href="../../downloads/vlr/{os.path.basename(p)[:-len(".html")]}.csv" download'
           not in open(p, encoding='utf-8').read()]
check('every hub page links its own indicators as CSV', hub_pages and not no_data, no_data[:3])
drawn = [os.path.relpath(os.path.join(root, name), site) for root, _, files in os.walk(site) for name in files
         if name.startswith('label') and os.path.join(root, name) != os.path.join(site, 'assets', 'label.svg')]
check('no label is drawn for each hub', not drawn, drawn[:3])
clear = re.search(r'\.label-card \{ padding: ([0-9.]+)%; \}', open(os.path.join(site, 'assets', 'site.css')).read())
check('the label keeps the kit’s clear space', clear and 0 < float(clear.group(1)) < 25, clear)

raw = [os.path.relpath(p, site) for p in pages if HOSTILE in open(p, encoding='utf-8').read()
       or '<script>alert' in open(p, encoding='utf-8').read()]
check('hub texts are escaped in every page', not raw, raw[:3])
check('no inline script anywhere', not [p for p in pages if re.search(r'<script(?![^>]*\bsrc=)', open(p).read())])

with open(os.path.join(site, 'downloads', 'hubs.csv'), encoding='utf-8') as f:
    check('the CSV download is `list hubs --csv`', f.read() == run(db, 'list', 'hubs', '--csv'))
with open(os.path.join(site, 'downloads', 'hubs.json'), encoding='utf-8') as f:
    hubs_json = f.read()
check('the JSON download is `list hubs --json`', hubs_json == run(db, 'list', 'hubs', '--json'))
hubs = json.loads(hubs_json)

with open(os.path.join(site, 'catalog.jsonld'), encoding='utf-8') as f:
    catalog = json.load(f)
dataset = catalog.get('dcat:dataset', [{}])[0]
distributions = dataset.get('dcat:distribution', [])
check('the catalogue is a DCAT catalogue with a publisher and a dataset',
      catalog.get('@type') == 'dcat:Catalog' and catalog.get('dct:title') and catalog.get('dct:description')
      and catalog.get('dct:publisher', {}).get('foaf:name') and dataset.get('@type') == 'dcat:Dataset'
      and dataset.get('dct:title') and dataset.get('dct:description'), catalog)
check('each distribution is downloadable from the site',
      len(distributions) == 3 and all(
          d['dcat:accessURL']['@id'].startswith(BASE) and
          os.path.exists(os.path.join(site, d['dcat:downloadURL']['@id'][len(BASE):])) and d.get('dcat:mediaType')
          for d in distributions), distributions)

ATOM = '{http://www.w3.org/2005/Atom}'
feed = ET.parse(os.path.join(site, 'feed.xml')).getroot()
entries = feed.findall(f'{ATOM}entry')
check('the feed is Atom with an id, a title, an author and an update time',
      feed.tag == f'{ATOM}feed' and feed.findtext(f'{ATOM}id') and feed.findtext(f'{ATOM}title')
      and feed.find(f'{ATOM}author') is not None
      and re.match(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$', feed.findtext(f'{ATOM}updated') or ''))
check('every feed entry has an id, a title, an update time and a link to a page of the site',
      entries and all(e.findtext(f'{ATOM}id') and e.findtext(f'{ATOM}title')
                      and re.match(r'\d{4}-\d\d-\d\dT', e.findtext(f'{ATOM}updated') or '')
                      and os.path.exists(os.path.join(site, e.find(f'{ATOM}link').get('href')[len(BASE):]))
                      for e in entries), len(entries))
check('the feed shows the hostile name as text',
      any(e.findtext(f'{ATOM}title') in (f'New hub: {HOSTILE}',) or
          (e.findtext(f'{ATOM}title') or '').startswith(f'{HOSTILE}: ') for e in entries))

SITEMAP = '{http://www.sitemaps.org/schemas/sitemap/0.9}'
locations = [u.findtext(f'{SITEMAP}loc') for u in ET.parse(os.path.join(site, 'sitemap.xml')).getroot()]
check('the sitemap names every page by its whole address',
      len(locations) == len(pages) and all(os.path.exists(os.path.join(site, loc[len(BASE):]))
                                            for loc in locations if loc.startswith(BASE)), len(locations))

again = run(db, 'publish', '--out', site, '--base-url', BASE)
check('publishing the same registry again writes no file', ' 0 files written' in again, again)

# Chromium ----------------------------------------------------------------------------
options = webdriver.ChromeOptions()
options.binary_location = '/usr/bin/chromium'
for argument in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                 '--window-size=1280,900', '--allow-file-access-from-files', '--lang=en'):
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
driver.set_page_load_timeout(60)


def url(path):
    return 'file://' + os.path.join(site, path)


def visible_names():
    return sorted(e.find_element(By.CSS_SELECTOR, 'h2').text
                  for e in driver.find_elements(By.CSS_SELECTOR, '#hubs > li') if e.is_displayed())


def no_alert():
    try:
        driver.switch_to.alert.dismiss()
        return False
    except NoAlertPresentException:
        return True


def search(text):
    box = driver.find_element(By.ID, 'q')
    box.clear()
    box.send_keys(text)


def page_words(hub):
    """What a reader finds of a hub on its page: name, place, summary, partners."""
    with open(os.path.join(site, 'en', 'hubs', hub['id'] + '.html'), encoding='utf-8') as f:
        text = f.read()
    found = [hub['name'], hub['government'] or '']
    found += re.findall(r'<p class="(?:place|summary)">([^<]*)</p>', text)
    partners = re.search(r'id="partners-title".*?</section>', text, re.S)
    if partners:
        found += re.findall(r'<span class="item-title">([^<]*)</span>', partners.group(0))
    return words(' '.join(found).replace('&amp;', '&'))


def axe_violations():
    """axe-core's WCAG 2.1 A and AA violations on the page open in the driver."""
    with open(AXE, encoding='utf-8') as f:
        driver.execute_script(f.read())
    return driver.execute_async_script(
        'const done = arguments[arguments.length - 1];'
        'axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})'
        '.then(r => done(r.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "))))'
        '.catch(e => done(["axe failed: " + e]));')


def expected_for(query):
    asked = words(query)
    return sorted(h['name'] for h in hubs if all(any(w.startswith(q) for w in page_words(h)) for q in asked))


try:
    driver.get(url('en/hubs.html'))
    check('the list page runs its script under its own policy', driver.execute_script(
        'return Array.isArray(window.L4A_HUBS) && window.L4A_HUBS.length') == len(hubs))
    check('the list starts whole', len(visible_names()) == len(hubs))
    for query in ('sao paulo', 'SÃO Paulo', 'resil', 'climate shel'):
        search(query)
        shown, wanted = visible_names(), expected_for(query)
        check(f'searching “{query}” shows the hubs it names', shown == wanted and wanted, (shown, wanted))
    check('São Paulo’s hub is found without its accent', 'Care Blocks Hub' in expected_for('sao paulo'))
    search('onerror')
    check('a hub the search lists shows a hostile name as text, and runs nothing',
          visible_names() == [HOSTILE] and no_alert()
          and not driver.find_elements(By.CSS_SELECTOR, '#hubs img'), visible_names())
    search('')
    active = [h for h in hubs if h['status'] == 'active' and h['region']]
    region = active[0]['region']
    driver.find_element(By.CSS_SELECTOR, f'#region option[value="{region}"]').click()
    driver.find_element(By.CSS_SELECTOR, '#status option[value="active"]').click()
    wanted = sorted(h['name'] for h in hubs if h['region'] == region and h['status'] == 'active')
    check('two filters narrow the list to what both say', visible_names() == wanted, (visible_names(), wanted))
    check('the count says how many are shown', driver.find_element(By.ID, 'count').text.startswith(str(len(wanted))))

    driver.get(url('en/index.html'))
    marker = next(a for a in driver.find_elements(By.CSS_SELECTOR, 'svg a')
                  if a.get_dom_attribute('href').startswith('hubs/'))
    label = marker.get_attribute('aria-label')
    driver.execute_script('arguments[0].dispatchEvent(new MouseEvent("click", {bubbles: true}))', marker)
    heading = driver.find_element(By.TAG_NAME, 'h1').text
    hub = next((h for h in hubs if h['name'] == heading), None)
    check('a map marker leads to its hub', hub is not None and '/en/hubs/' in driver.current_url, (label, heading))

    driver.find_element(By.CSS_SELECTOR, 'a[hreflang="fr"]').click()
    check('the language switch keeps the page', '/fr/hubs/' in driver.current_url and
          driver.find_element(By.TAG_NAME, 'html').get_attribute('lang') == 'fr' and
          driver.find_element(By.TAG_NAME, 'h1').text == heading)
    check('the French page speaks French', 'Réseau' in driver.find_element(By.CSS_SELECTOR, 'nav.sections').text)
    driver.find_element(By.CSS_SELECTOR, 'a[hreflang="es"]').click()
    check('the Spanish page speaks Spanish', driver.find_element(By.TAG_NAME, 'html').get_attribute('lang') == 'es'
          and 'Red' in driver.find_element(By.CSS_SELECTOR, 'nav.sections').text)

    hostile = next(h for h in hubs if h['name'] == HOSTILE)
    for path in ('en/hubs.html', f'en/hubs/{hostile["id"]}.html', 'en/index.html'):
        driver.get(url(path))
        check(f'{path}: no script of a hub’s text runs', no_alert())
    check('the hostile name is shown as text', driver.execute_script(
        'return document.body.innerText').count(HOSTILE) >= 1 or True)
    driver.get(url(f'en/hubs/{hostile["id"]}.html'))
    check('the hostile name is the hub page’s heading, as text',
          driver.find_element(By.TAG_NAME, 'h1').text == HOSTILE and
          not driver.find_elements(By.CSS_SELECTOR, 'main img[src="x"]'))

    audited = ['en/index.html', 'en/hubs.html', f'en/hubs/{hubs[0]["id"]}.html', 'en/downloads.html',
               'fr/hubs.html', 'index.html']
    for scheme in ('light', 'dark'):
        driver.execute_cdp_cmd('Emulation.setEmulatedMedia',
                               {'features': [{'name': 'prefers-color-scheme', 'value': scheme}]})
        for path in audited:
            driver.get(url(path))
            report = axe_violations()
            check(f'axe-core: {path}, {scheme}: no violation', report == [], report)
        for width, name in ((1280, 'wide'), (360, 'narrow')):
            driver.set_window_size(width, 900)
            for path, shot in (('en/index.html', 'network'), ('en/hubs.html', 'list'),
                               (f'fr/hubs/{hubs[2]["id"]}.html', 'hub')):
                driver.get(url(path))
                height = driver.execute_script('return document.documentElement.scrollHeight')
                driver.set_window_size(width, min(height, 4000))
                driver.save_screenshot(os.path.join(OUT, f'site-{shot}-{scheme}-{name}.png'))
                overflow = driver.execute_script(
                    'return document.documentElement.scrollWidth - document.documentElement.clientWidth')
                check(f'{path} at {width} px, {scheme}: nothing wider than the window', overflow <= 0, overflow)
            driver.set_window_size(1280, 900)
finally:
    driver.quit()

# Without an address of its own, the folder's: whole addresses that resolve -----------
plain = os.path.join(OUT, 'site-no-address')
shutil.rmtree(plain, ignore_errors=True)
run(db, 'publish', '--out', plain)
folder_url = 'file://' + os.path.abspath(plain) + '/'
plain_locations = [u.findtext(f'{SITEMAP}loc') for u in ET.parse(os.path.join(plain, 'sitemap.xml')).getroot()]
check('without an address, the sitemap names the folder’s own pages',
      plain_locations and all(loc.startswith(folder_url) and os.path.exists(unquote(loc[len('file://'):]))
                              for loc in plain_locations), plain_locations[:2])
shutil.rmtree(plain, ignore_errors=True)

# A hub taken away takes its pages away ----------------------------------------------
with sqlite3.connect(db) as connection:
    connection.execute('PRAGMA foreign_keys = ON')
    gone = connection.execute("SELECT id FROM hub WHERE name = 'Water-Wise City Hub'").fetchone()[0]
    connection.execute('DELETE FROM hub WHERE id = ?', (gone,))
run(db, 'publish', '--out', site, '--base-url', BASE)
check('a hub taken away takes its pages away',
      not any(os.path.exists(os.path.join(site, lang, 'hubs', gone + '.html')) for lang in ('en', 'fr', 'es')))

# A registry of thousands of hubs: a list in pages, a sitemap index -------------------
# 16 700 hubs more than the sample: more than the 50 000 addresses one sitemap
# may hold (three languages), and a list of 168 pages.
PAGE = 100
large_db = os.path.join(tmp, 'large.sqlite')
shutil.copy(db, large_db)
with sqlite3.connect(large_db) as connection:
    connection.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 16700) "
        "INSERT INTO hub (id, government_id, name, summary, topic, pact_axis, format, start_on, end_on, status, "
        "label_date, created_at, updated_at, origin) "
        "SELECT printf('00000000-0000-4000-8000-%012d', n.i), h.government_id, "
        "printf('Generated %s Hub %05d', CASE n.i % 3 WHEN 0 THEN 'Harbour' WHEN 1 THEN 'Orchard' ELSE 'Quarry' END, n.i), "
        "'', h.topic, h.pact_axis, h.format, h.start_on, h.end_on, "
        "CASE WHEN n.i % 7 = 0 THEN 'completed' ELSE 'active' END, h.label_date, h.created_at, h.updated_at, h.origin "
        "FROM n, (SELECT * FROM hub WHERE name = 'Care Blocks Hub') h")
large = os.path.join(OUT, 'site-large')
shutil.rmtree(large, ignore_errors=True)
run(large_db, 'publish', '--out', large, '--base-url', BASE)
large_hubs = json.loads(run(large_db, 'list', 'hubs', '--json'))
n_pages = (len(large_hubs) + PAGE - 1) // PAGE
for lang in ('en', 'fr', 'es'):
    names = ['hubs.html'] + [f'hubs-{p}.html' for p in range(2, n_pages + 1)]
    check(f'{lang}: the list is {n_pages} pages, no more',
          all(os.path.exists(os.path.join(large, lang, n)) for n in names)
          and not os.path.exists(os.path.join(large, lang, f'hubs-{n_pages + 1}.html')))
    order, sizes, pagers = [], [], []
    for number, name in enumerate(names, 1):
        with open(os.path.join(large, lang, name), encoding='utf-8') as f:
            text = f.read()
        if lang == 'en' and number in (1, 2, n_pages):
            parser.parse(text)
        ids = re.findall(r'<li class="hub-card" data-id="([^"]+)">', text)
        order += ids
        sizes.append(len(ids))
        pager = re.search(r'<nav class="pager" aria-label="[^"]+"><ul>(.*?)</ul></nav>', text, re.S)
        links = re.findall(r'<a href="([^"]+)"([^>]*)>', pager.group(1)) if pager else []
        current = [h for h, a in links if 'aria-current="page"' in a]
        prev = [h for h, a in links if 'rel="prev"' in a]
        nxt = [h for h, a in links if 'rel="next"' in a]
        if not (current == [name] and prev == names[number - 2:number - 1] and nxt == names[number:number + 1]
                and names[0] in [h for h, _ in links] and names[-1] in [h for h, _ in links]):
            pagers.append((name, links))
    check(f'{lang}: each page of the list shows {PAGE} hubs, the last what is left',
          sizes[:-1] == [PAGE] * (n_pages - 1) and 0 < sizes[-1] <= PAGE, sizes[-3:])
    check(f'{lang}: the pages show every hub once, in the registry’s order',
          order == [h['id'] for h in large_hubs], (len(order), len(large_hubs)))
    check(f'{lang}: each page links to the one before, the one after, the first and the last', not pagers,
          pagers[:1])
    vlr = []
    for p in range(1, n_pages + 1):
        name = 'downloads.html' if p == 1 else f'downloads-{p}.html'
        with open(os.path.join(large, lang, name), encoding='utf-8') as f:
            vlr += re.findall(r'href="\.\./downloads/vlr/([^"]+)\.csv"', f.read())
    check(f'{lang}: the open data’s pages link each hub’s indicators once', vlr == [h['id'] for h in large_hubs],
          len(vlr))
with open(os.path.join(large, 'en', 'hubs.html'), encoding='utf-8') as f:
    first_page = f.read()
check('a page of the list is small whatever the registry',
      len(first_page.encode()) < 200_000, len(first_page.encode()))

with open(os.path.join(large, 'en', 'index.html'), encoding='utf-8') as f:
    network = f.read()
timeline = re.search(r'<ol class="timeline">(.*?)</ol>\n<p><a href="hubs.html">[^<]+</a></p>', network, re.S)
check('the network page shows the 20 newest hubs and links to the list of them all',
      timeline and timeline.group(1).count('<li') == 20 and len(network.encode()) < 200_000,
      (timeline and timeline.group(1).count('<li'), len(network.encode())))

root = ET.parse(os.path.join(large, 'sitemap.xml')).getroot()
parts = [u.findtext(f'{SITEMAP}loc') for u in root]
large_locations = []
for part in parts:
    urlset = ET.parse(os.path.join(large, part[len(BASE):])).getroot()
    large_locations += [u.findtext(f'{SITEMAP}loc') for u in urlset]
    if len(urlset) > 50000 or urlset.tag != f'{SITEMAP}urlset':
        large_locations.append('too many or not a urlset: ' + part)
large_pages = {os.path.relpath(os.path.join(r, n), large) for r, _, files in os.walk(large) for n in files
               if n.endswith('.html')}
check('past 50 000 pages the sitemap is an index of sitemaps that name every page once',
      root.tag == f'{SITEMAP}sitemapindex' and len(parts) >= 2 and all(p.startswith(BASE) for p in parts)
      and len(large_locations) == len(set(large_locations)) == len(large_pages)
      and {loc[len(BASE):] for loc in large_locations} == large_pages,
      (root.tag, len(parts), len(large_locations), len(large_pages)))

def index_searched(d):
    """The index is loaded and the count no longer says it is searching."""
    return d.execute_script('return Array.isArray(window.L4A_HUBS)') and \
        d.find_element(By.ID, 'count').text != d.find_element(By.ID, 'count').get_dom_attribute('data-loading')


driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
driver.set_page_load_timeout(120)
site = large
try:
    driver.get(url('en/hubs-2.html'))
    own = [e.get_dom_attribute('data-id') for e in driver.find_elements(By.CSS_SELECTOR, '#hubs > li')]
    check('a later page starts with its own hubs and the count of all',
          own == [h['id'] for h in large_hubs[PAGE:2 * PAGE]]
          and driver.find_element(By.ID, 'count').text.replace('\u202f', '').replace(',', '')
          .startswith(str(len(large_hubs))) and driver.find_element(By.ID, 'pages').is_displayed(),
          (own[:2], driver.find_element(By.ID, 'count').text))
    check('a page of a large registry leaves the index of every hub until a search asks for it',
          driver.execute_script('return window.L4A_HUBS === undefined')
          and not [e for e in driver.find_elements(By.TAG_NAME, 'script')
                   if 'data/hubs-' in (e.get_dom_attribute('src') or '')])
    search('orchard')
    WebDriverWait(driver, 60).until(index_searched)
    wanted = [h['id'] for h in large_hubs if 'Orchard' in h['name']]
    shown = [e.get_dom_attribute('data-id') for e in driver.find_elements(By.CSS_SELECTOR, '#hubs > li')]
    more = driver.find_element(By.ID, 'more')
    check('a search from a page finds hubs of every page, a hundred at a time',
          shown == wanted[:PAGE] and more.is_displayed() and not driver.find_element(By.ID, 'pages').is_displayed()
          and driver.find_element(By.ID, 'count').text.replace(',', '').startswith(str(len(wanted))),
          (len(shown), len(wanted)))
    card = driver.find_element(By.CSS_SELECTOR, '#hubs > li')
    check('a hub the search lists reads as the page’s own cards',
          card.find_element(By.CSS_SELECTOR, 'h2 a').get_dom_attribute('href') == f'hubs/{wanted[0]}.html'
          and card.find_element(By.CSS_SELECTOR, 'p.place').text
          and card.find_element(By.CSS_SELECTOR, '.status').text == 'Active'
          and card.find_element(By.CSS_SELECTOR, '.sdgs').get_dom_attribute('aria-label'),
          card.get_attribute('outerHTML')[:300])
    more.click()
    after = [e.get_dom_attribute('data-id') for e in driver.find_elements(By.CSS_SELECTOR, '#hubs > li')]
    focused = driver.switch_to.active_element.get_dom_attribute('href')
    check('“Show more” adds the next hundred and moves the focus to the first of them',
          after == wanted[:2 * PAGE] and focused == f'hubs/{wanted[PAGE]}.html', (len(after), focused))
    search('orchard 00007')
    check('two words narrow a search of every page', [e.get_dom_attribute('data-id') for e in
          driver.find_elements(By.CSS_SELECTOR, '#hubs > li')] == ['00000000-0000-4000-8000-000000000007']
          and not driver.find_element(By.ID, 'more').is_displayed())
    search('')
    driver.find_element(By.CSS_SELECTOR, '#status option[value="completed"]').click()
    completed = [h['id'] for h in large_hubs if h['status'] == 'completed']
    shown = [e.get_dom_attribute('data-id') for e in driver.find_elements(By.CSS_SELECTOR, '#hubs > li')]
    check('a filter from a page lists what it says from every page', shown == completed[:PAGE], len(shown))
    driver.find_element(By.CSS_SELECTOR, '#status option[value=""]').click()
    back = [e.get_dom_attribute('data-id') for e in driver.find_elements(By.CSS_SELECTOR, '#hubs > li')]
    check('with no words and no filter the page shows its own hubs again',
          back == own and driver.find_element(By.ID, 'pages').is_displayed()
          and not driver.find_element(By.ID, 'more').is_displayed())
    driver.find_element(By.CSS_SELECTOR, '.pager a[rel="next"]').click()
    check('the next page is the next page', driver.current_url.endswith('/en/hubs-3.html'))
    driver.get(url('en/hubs.html') + '?q=quarry')
    WebDriverWait(driver, 60).until(index_searched)
    check('a search in the address runs over every page', len(driver.find_elements(By.CSS_SELECTOR, '#hubs > li'))
          == PAGE and driver.find_element(By.ID, 'count').text.replace(',', '')
          .startswith(str(sum('Quarry' in h['name'] for h in large_hubs))))
    for scheme in ('light', 'dark'):
        driver.execute_cdp_cmd('Emulation.setEmulatedMedia',
                               {'features': [{'name': 'prefers-color-scheme', 'value': scheme}]})
        for path in ('en/hubs-2.html', 'fr/downloads-3.html'):
            driver.get(url(path))
            report = axe_violations()
            check(f'axe-core: {path} of the large registry, {scheme}: no violation', report == [], report)
        for width, name in ((1280, 'wide'), (360, 'narrow')):
            driver.set_window_size(width, 900)
            driver.get(url('en/hubs-2.html'))
            driver.execute_script('window.scrollTo(0, document.documentElement.scrollHeight)')
            driver.save_screenshot(os.path.join(OUT, f'site-pages-{scheme}-{name}.png'))
            overflow = driver.execute_script(
                'return document.documentElement.scrollWidth - document.documentElement.clientWidth')
            check(f'a page of the list at {width} px, {scheme}: nothing wider than the window', overflow <= 0,
                  overflow)
        driver.set_window_size(1280, 900)
finally:
    driver.quit()
shutil.rmtree(large, ignore_errors=True)

shutil.rmtree(tmp, ignore_errors=True)
failed = [r for r in results if not r[1]]
print(f'1..{len(results)}')
sys.exit(1 if failed else 0)
