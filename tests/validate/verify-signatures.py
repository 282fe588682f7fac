#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A second, independent reader and writer of signed and sealed bundles,
written from docs/bundle-format.md alone with Debian's python3-nacl: it
verifies what the application signs, opens what it seals with the reader's
key file, and writes an enrolment request the application accepts. Prints
TAP.

  verify-signatures.py PROGRAM BUNDLE_SCHEMA SEALED_SCHEMA
"""

import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import uuid

import jsonschema
import nacl.exceptions
import nacl.public
import nacl.signing

PROGRAM, BUNDLE_SCHEMA, SEALED_SCHEMA = sys.argv[1:4]
work = tempfile.mkdtemp(prefix='l4a-verify-')
env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, 'data'), GSETTINGS_BACKEND='memory',
           LANGUAGE='en', LC_ALL='C.UTF-8')
results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def run(db, *args, role=None, actor=None):
    command = [PROGRAM, '--db', os.path.join(work, db)]
    if role:
        command += ['--role', role]
    if actor:
        command += ['--as', actor]
    done = subprocess.run(command + list(args), env=env, capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def query(db, sql):
    import sqlite3
    with sqlite3.connect(os.path.join(work, db)) as connection:
        return connection.execute(sql).fetchall()


def key_file(db):
    installation = query(db, "SELECT value FROM meta WHERE key = 'installation_id'")[0][0]
    return os.path.join(work, 'data', 'local4action', 'keys', installation + '.key')


def read_key(path):
    document = json.load(open(path))
    assert document['format'] == 'local4action-key' and document['algorithm'] == 'ed25519'
    key = nacl.signing.SigningKey(base64.b64decode(document['seed']))
    assert base64.b64encode(key.verify_key.encode()).decode() == document['public_key']
    return key


def sample_key(identity):
    return nacl.signing.SigningKey(hashlib.sha256(('local4action-sample-key:' + identity).encode()).digest())


def verify(data):
    """The document's recipe: the signed bytes are those before the comma
    that opens the last member, the signature."""
    i = data.rindex(b',"signature":')
    tail = json.loads(b'{' + data[i + 1:])['signature']
    assert data.endswith(b'"}}')
    key = nacl.signing.VerifyKey(base64.b64decode(tail['key']))
    key.verify(data[:i], base64.b64decode(tail['value']))
    return tail['key']


def fingerprint(public_b64):
    digest = hashlib.sha256(base64.b64decode(public_b64)).hexdigest().upper()[:32]
    return ' '.join(digest[i:i + 4] for i in range(0, 32, 4))


bundle_schema = jsonschema.Draft202012Validator(json.load(open(BUNDLE_SCHEMA)))
sealed_schema = jsonschema.Draft202012Validator(json.load(open(SEALED_SCHEMA)))

# The secretariat: the sample data, a registry it signs.
run('office.sqlite', 'sample')
registry = os.path.join(work, 'registry.l4a.json')
status, _, err = run('office.sqlite', 'export', '--kind', 'registry', '--out', registry)
check('the secretariat writes a registry', status == 0, err)
data = open(registry, 'rb').read()
office_key = read_key(key_file('office.sqlite'))
office_public = base64.b64encode(office_key.verify_key.encode()).decode()
try:
    signer = verify(data)
    check('its signature verifies, by the key in its key file', signer == office_public)
except Exception as error:  # noqa: BLE001
    check('its signature verifies, by the key in its key file', False, repr(error))
check('the signed registry conforms to the bundle schema', not list(bundle_schema.iter_errors(json.loads(data))))
status, out, _ = run('office.sqlite', 'keys')
check('the fingerprint is the documented one', fingerprint(office_public) in out, out)

changed = bytearray(data)
changed[len(changed) // 2] ^= 0x01
try:
    verify(bytes(changed))
    check('a changed byte breaks the signature', False)
except (nacl.exceptions.BadSignatureError, ValueError):
    check('a changed byte breaks the signature', True)

# A local government of the sample, signing with its published sample key,
# takes the registry (first contact) and sends a submission: sealed for the
# secretariat, opened here with the secretariat's key file.
soria = query('office.sqlite', "SELECT id FROM government WHERE name = 'Soria'")[0][0]
run('city.sqlite', 'keys', role='government', actor=soria)
city_key = sample_key(soria)
with open(key_file('city.sqlite'), 'w') as out:
    json.dump({'format': 'local4action-key', 'format_version': 1, 'algorithm': 'ed25519',
               'public_key': base64.b64encode(city_key.verify_key.encode()).decode(),
               'seed': base64.b64encode(bytes(city_key)).decode()}, out)
os.chmod(key_file('city.sqlite'), 0o600)
status, _, err = run('city.sqlite', 'import', '--trust', fingerprint(office_public), registry,
                     role='government', actor=soria)
check('the government takes the registry on first contact', status == 0, err)
submission = os.path.join(work, 'submission.l4a.json')
status, _, err = run('city.sqlite', 'export', '--kind', 'submission', '--out', submission, role='government',
                     actor=soria)
check('the government writes a submission', status == 0, err)
sealed = json.loads(open(submission, 'rb').read())
check('the submission is sealed, as the sealed schema says', not list(sealed_schema.iter_errors(sealed)))
check('it is sealed for the secretariat\'s key', sealed.get('for_key') == office_public)
check('the sealed file shows nothing of it', b'Soria' not in open(submission, 'rb').read())
try:
    box = nacl.public.SealedBox(office_key.to_curve25519_private_key())
    inner = box.decrypt(base64.b64decode(sealed['sealed']))
    check('the secretariat\'s key opens it', True)
    signer = verify(inner)
    check('inside, the government\'s sample key signed it',
          signer == base64.b64encode(city_key.verify_key.encode()).decode())
    check('inside, a submission from that government',
          json.loads(inner)['origin']['actor'] == soria and json.loads(inner)['kind'] == 'submission')
except Exception as error:  # noqa: BLE001
    check('the secretariat\'s key opens it', False, repr(error))
try:
    nacl.public.SealedBox(city_key.to_curve25519_private_key()).decrypt(base64.b64decode(sealed['sealed']))
    check('another key does not open it', False)
except nacl.exceptions.CryptoError:
    check('another key does not open it', True)

# Written here from the document: an enrolment request for a new key; the
# secretariat takes it as waiting for approval.
new_key = nacl.signing.SigningKey.generate()
new_public = base64.b64encode(new_key.verify_key.encode()).decode()
member = query('office.sqlite', 'SELECT id FROM member ORDER BY id LIMIT 1')[0][0]
header = {
    'format': 'local4action-bundle', 'format_version': 1, 'kind': 'enrolment',
    'bundle_id': str(uuid.uuid4()), 'created_at': '2026-12-01T10:00:00Z',
    'origin': {'installation': str(uuid.uuid4()), 'role': 'member', 'actor': member},
    'enrolment': {'public_key': new_public, 'role': 'member', 'actor': member, 'name': 'Written in Python'},
    'records': {},
    'checksum': hashlib.sha256(b'{}').hexdigest(),
}
text = json.dumps(header, separators=(',', ':'), ensure_ascii=False).encode()[:-1]
signature = base64.b64encode(new_key.sign(text).signature).decode()
text += (',"signature":{"algorithm":"ed25519","key":"%s","value":"%s"}}' % (new_public, signature)).encode()
request = os.path.join(work, 'enrolment.l4a.json')
open(request, 'wb').write(text)
status, out, err = run('office.sqlite', 'validate', request)
check('the application validates an enrolment request written here', status == 0, err)
status, out, err = run('office.sqlite', 'import', request)
check('the secretariat imports it', status == 0, err)
status, out, err = run('office.sqlite', 'roster', '--json')
entries = {entry['public_key']: entry for entry in json.loads(out)} if status == 0 else {}
check('the key waits for approval', entries.get(new_public, {}).get('status') == 'pending', out)
status, out, err = run('office.sqlite', 'approve', fingerprint(new_public))
check('approved by its fingerprint', status == 0, err)

print('1..%d' % len(results))
failed = 0
for number, (name, ok, detail) in enumerate(results, 1):
    failed += not ok
    print('%s %d - %s%s' % ('ok' if ok else 'not ok', number, name,
                            '' if ok or not detail else ' # ' + detail.strip().replace('\n', ' ')[:300]))
sys.exit(1 if failed else 0)
