# Helpers for the end-to-end journeys: workstations (a database and a
# settings folder each), the running application seen through AT-SPI as an
# assistive technology sees it, keyboard input, screenshots.
#
# Runs with Debian's /usr/bin/python3 (python3-dogtail, python3-pyatspi),
# inside `xvfb-run -a dbus-run-session --` so that the accessibility
# registry can synthesize keyboard events on the display.

import base64
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import time
from collections import Counter

from dogtail.config import config

config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchShowingOnly = False
config.searchCutoffCount = 10
config.searchBackoffDuration = 0.3
config.actionDelay = 0.2
config.typingDelay = 0.02
config.defaultDelay = 0.2

from dogtail import rawinput, tree  # noqa: E402  (after the config)
import gi  # noqa: E402

gi.require_version('Gdk', '3.0')
from gi.repository import Gdk  # noqa: E402

# Roles of what a user acts on: each must have a name of its own.
CONTROL_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'entry', 'password text',
                 'combo box', 'spin button', 'slider', 'switch', 'menu item', 'check menu item',
                 'radio menu item', 'page tab', 'link'}
# What GTK 4.8 reports when a widget has no name: its type or its child's.
TYPE_PREFIXES = ('Gtk', 'Adw', 'L4a')
# A mnemonic mark left in a name ("_Submit Submit") is read out as is.
MNEMONIC = re.compile(r'(^|\s)_\w')


class Failure(AssertionError):
    pass


def wait_for(what, predicate, timeout=20.0, interval=0.2):
    """Polls @predicate until it returns something true; fails naming @what."""
    end = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the tree changes under us while we look
            last_error = error
        time.sleep(interval)
    raise Failure(f'timed out waiting for {what}' + (f' ({last_error})' if last_error else ''))


def safe_name(node):
    try:
        return node.name or ''
    except Exception:
        return ''


def safe_role(node):
    try:
        return node.roleName
    except Exception:
        return ''


def walk(node, depth=0, max_depth=60):
    yield node
    if depth >= max_depth:
        return
    try:
        children = node.children
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1, max_depth)


def is_visible(node):
    try:
        states = node.getState()
        import pyatspi
        # GTK 4.8 reports the widget's visible property, not whether it is mapped.
        return states.contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def has_state(node, state):
    import pyatspi
    try:
        return node.getState().contains(getattr(pyatspi, 'STATE_' + state.upper().replace('-', '_')))
    except Exception:
        return False


class App:
    """The application of one workstation, running, seen through AT-SPI."""

    def __init__(self, workstation, process):
        self.workstation = workstation
        self.process = process
        self.node = wait_for('the application on the accessibility bus', self._find)

    def _find(self):
        for app in tree.root.applications():
            try:
                if app.get_process_id() == self.process.pid:
                    return app
            except Exception:
                continue
        return None

    # Looking -------------------------------------------------------------

    def find(self, role, name, within=None, timeout=20.0, exact=True):
        """The first node of @role whose name is @name (or contains it)."""
        root = within or self.node

        def look():
            for node in walk(root):
                if safe_role(node) != role:
                    continue
                n = safe_name(node)
                if (n == name) if exact else (name in n):
                    return node
            return None
        return wait_for(f'{role} “{name}”', look, timeout)

    def find_all(self, role, within=None):
        return [n for n in walk(within or self.node) if safe_role(n) == role]

    def has(self, role, name, within=None, exact=True):
        for node in walk(within or self.node):
            if safe_role(node) == role and ((safe_name(node) == name) if exact else (name in safe_name(node))):
                return True
        return False

    def label_containing(self, text, within=None, timeout=20.0):
        return self.find('label', text, within, timeout, exact=False)

    def window(self, title, timeout=20.0):
        """A top-level window (or dialog) by its title."""
        def look():
            for child in self.node.children:
                if safe_name(child) == title and safe_role(child) in ('frame', 'dialog', 'alert'):
                    return child
            return None
        return wait_for(f'the window “{title}”', look, timeout)

    def window_gone(self, title, timeout=20.0):
        wait_for(f'the window “{title}” to close',
                 lambda: all(safe_name(c) != title or safe_role(c) not in ('frame', 'dialog', 'alert')
                             for c in self.node.children), timeout)

    # Acting --------------------------------------------------------------

    def click(self, role, name, within=None, timeout=20.0):
        node = self.find(role, name, within, timeout)
        self.activate(node)
        return node

    def activate(self, node):
        """Its accessible action; a row that GTK 4.8 gives none is clicked."""
        action = node.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        for wanted in ('click', 'activate', 'press', 'toggle'):
            if wanted in names:
                node.doActionNamed(wanted)
                time.sleep(config.actionDelay)
                return
        if safe_role(node) == 'push button':  # a menu button: its inner button acts
            inner = next((n for n in walk(node) if n != node and safe_role(n) == 'push button'), None)
            if inner is not None:
                return self.activate(inner)
        if safe_role(node) != 'list item':
            raise Failure(f'{safe_role(node)} “{safe_name(node)}” has no action to activate it ({names})')
        self.reveal(node)
        x, y, width, height = node.queryComponent().getExtents(0)
        rawinput.click(x + width // 2, y + height // 2)
        time.sleep(config.actionDelay)

    def set_text(self, role, name, text, within=None):
        node = self.find(role, name, within)
        node.queryEditableText().setTextContents(text)
        time.sleep(config.actionDelay)
        return node

    def point_at(self, window):
        """Without a window manager the keyboard goes to the window under the
        pointer: windows open at the top left corner, the newest on top."""
        x, y, width, height = window.queryComponent().getExtents(0)
        rawinput.absoluteMotion(x + width // 2, y + min(height // 2, 30))
        time.sleep(0.1)

    def reveal(self, node):
        """Scrolls with the mouse wheel until @node is on the screen, as a
        user does before clicking it."""
        window = node
        while safe_role(window) not in ('frame', 'dialog', 'alert') and window.parent is not None:
            window = window.parent
        wx, wy, ww, wh = window.queryComponent().getExtents(0)
        screen = Gdk.get_default_root_window()
        top, bottom = wy + 60, min(wy + wh, screen.get_height()) - 10
        for _ in range(80):
            x, y, width, height = node.queryComponent().getExtents(0)
            if y + height > bottom:
                button = 5
            elif y < top:
                button = 4
            else:
                return
            rawinput.click(wx + ww // 2, max(top, min(bottom, wy + wh // 2)), button)
            time.sleep(0.05)
        raise Failure(f'cannot scroll to {safe_role(node)} “{safe_name(node)}”')

    def keys(self, combo, window):
        self.point_at(window)
        rawinput.keyCombo(combo)
        time.sleep(config.actionDelay)

    def type(self, text, window):
        self.point_at(window)
        rawinput.typeText(text)
        time.sleep(config.actionDelay)

    def choose_government(self, name, window):
        """Finds a government as a user does in a government row: opens its
        list, types words of the name, takes the first government found."""
        self.click('push button', 'Choose a Government', window)
        self.set_text('entry', 'Search governments', name, window)
        wait_for(f'the government “{name}” among those found', lambda: next(
            (n for n in walk(window) if safe_role(n) == 'list item' and safe_name(n).startswith(name)), None))
        # Return in the search takes the first government found
        self.keys('Return', window)
        return self.find('label', f'{name} (', window, exact=False)

    def _combo_parts(self, combo, option):
        """The items of the open list of @combo that offers @option (or
        None), and the labels of @combo outside that list: what it shows."""
        offering = []
        for node in walk(combo):
            if safe_role(node) != 'list':
                continue
            items = [[safe_name(l) for l in self.find_all('label', item)] for item in self.find_all('list item', node)]
            if any(option in labels for labels in items):
                offering.append(items)
        # A one-item list alone is what a combo row shows, not its choices.
        popup = max(offering, key=len) if len(offering) > 1 or (offering and len(offering[0]) > 1) else None
        shown = Counter(safe_name(n) for n in self.find_all('label', combo))
        if popup:
            shown -= Counter(name for labels in popup for name in labels)
        return popup, set(shown)

    def choose(self, combo_name, option, window):
        """Picks @option in a drop-down as a user does: a click opens it, the
        arrow keys move to the option, Return takes it."""
        combo = self.find('combo box', combo_name, window)
        popup, shown = self._combo_parts(combo, option)
        if option in shown:
            return combo
        self.reveal(combo)
        # the value it shows (a combo row) or its button (a drop-down): a row
        # may carry other buttons at its end
        target = next((n for n in walk(combo) if safe_role(n) in ('list', 'push button')), combo)
        x, y, width, height = target.queryComponent().getExtents(0)
        if target == combo:
            x, width = x + width - 60, 60
        items = None
        attempts = 5
        for attempt in range(attempts):  # a click on a busy machine may come before the row is ready
            rawinput.click(x + width // 2, y + height // 2)
            try:
                # an AddressSanitizer build on a loaded machine takes its time
                items = wait_for(f'the choices of “{combo_name}”', lambda: self._combo_parts(combo, option)[0], 15)
                break
            except Failure:
                if attempt == attempts - 1:
                    raise
                rawinput.pressKey('Escape')
                time.sleep(0.5)
        target = next(i for i, labels in enumerate(items) if option in labels)
        now = next((i for i, labels in enumerate(items) if set(labels) & shown), 0)
        for _ in range(abs(target - now)):
            rawinput.pressKey('Down' if target > now else 'Up')
            time.sleep(0.05)
        rawinput.pressKey('Return')
        wait_for(f'“{option}” to be chosen in “{combo_name}”',
                 lambda: option in self._combo_parts(combo, option)[1], 10)
        return combo

    def toolkit_button(self, label, within):
        """A button of a toolkit dialog (the file chooser), which GTK 4.8 names
        after its mnemonic and its text together (“_Save Save”)."""
        def look():
            for node in walk(within):
                if safe_role(node) == 'push button':
                    name = safe_name(node).replace('_', '')
                    if name in (label, f'{label} {label}'):
                        return node
            return None
        return wait_for(f'the button “{label}”', look)

    def choose_file(self, path, title, timeout=20.0):
        """Fills the file chooser titled @title with @path and accepts it:
        the Name field to save; to open, Ctrl+L and the location field."""
        def look():
            for child in self.node.children:
                if safe_name(child) == title and safe_role(child) != 'frame':
                    return child
            return None
        chooser = wait_for(f'the file chooser “{title}”', look, timeout)
        if self.has('text', 'Name:', chooser):
            field = self.find('text', 'Name:', chooser)
        else:
            self.keys('<Control>l', chooser)
            field = self.find('text', 'GtkFileChooserEntry', chooser)
        field.queryEditableText().setTextContents(path)
        time.sleep(config.actionDelay)
        accept = next(n for n in walk(chooser) if safe_role(n) == 'push button'
                      and safe_name(n).replace('_', '').split(' ')[0] not in ('Cancel', 'Connect', '')
                      and not safe_name(n).startswith(TYPE_PREFIXES))
        self.activate(accept)

    # Checking ------------------------------------------------------------

    def unnamed_controls(self, within=None):
        """Visible controls without a name of their own, as “role (name; description)”.
        The button inside a drop-down is the drop-down's own, named by it."""
        bad = []

        def visit(node, parent_role):
            role = safe_role(node)
            if role in CONTROL_ROLES and is_visible(node) and parent_role != 'combo box':
                name = safe_name(node).strip()
                if not name or name.startswith(TYPE_PREFIXES) or MNEMONIC.search(name):
                    bad.append(f'{role} ({name or "no name"}; {getattr(node, "description", "")})')
            try:
                children = node.children
            except Exception:
                return
            for child in children:
                visit(child, role)
        visit(within or self.node, '')
        return bad

    def assert_named(self, where, within=None):
        bad = self.unnamed_controls(within)
        if bad:
            raise Failure(f'{where}: controls without an accessible name: ' + ', '.join(bad))

    def quit(self):
        if os.environ.get('E2E_KEEP'):  # leave it open to look at, when debugging
            return None
        if self.process.poll() is None:
            self.keys('<Control>q', self.window('Local4Action Hubs'))
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.send_signal(signal.SIGTERM)
                self.process.wait(10)
        return self.process.returncode


class FocusWatch:
    """Follows the keyboard focus as a screen reader does, from the focus
    events of the accessibility bus."""

    def __init__(self):
        import pyatspi
        from gi.repository import GLib
        self.pyatspi = pyatspi
        self.context = GLib.MainContext.default()
        self.focused = []
        pyatspi.Registry.registerEventListener(self._on_focus, 'object:state-changed:focused')

    def _on_focus(self, event):
        if event.detail1:
            node = event.source
            try:  # the button inside a drop-down stands for the drop-down
                if safe_role(node.parent) == 'combo box':
                    node = node.parent
            except Exception:
                pass
            self.focused.append((safe_role(node), safe_name(node)))

    def pump(self, seconds=0.15):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            while self.context.iteration(False):
                pass
            time.sleep(0.01)

    def press(self, key):
        rawinput.pressKey(key)
        self.pump(0.12)
        return self.focused[-1] if self.focused else None

    def combo(self, combo):
        rawinput.keyCombo(combo)
        self.pump(0.3)

    def tab_until(self, wanted, limit=60):
        """Presses Tab until the focus is on @wanted (role, name)."""
        for _ in range(limit):
            if self.press('Tab') == wanted:
                return
        raise Failure(f'Tab never reached {wanted[0]} “{wanted[1]}”')

    def stop(self):
        self.pyatspi.Registry.deregisterEventListener(self._on_focus, 'object:state-changed:focused')


class Workstation:
    """One desk: its own database, settings and data folders."""

    def __init__(self, root, name, program):
        self.name = name
        self.program = program
        self.dir = os.path.join(root, name)
        self.db = os.path.join(self.dir, 'hubs.sqlite')
        os.makedirs(self.dir, exist_ok=True)
        for sub in ('config', 'data', 'cache'):
            os.makedirs(os.path.join(self.dir, sub), exist_ok=True)
        self.env = dict(os.environ,
                        XDG_CONFIG_HOME=os.path.join(self.dir, 'config'),
                        XDG_DATA_HOME=os.path.join(self.dir, 'data'),
                        XDG_CACHE_HOME=os.path.join(self.dir, 'cache'),
                        GSETTINGS_BACKEND='keyfile',
                        GTK_A11Y='atspi',
                        LANGUAGE='en', LANG='C.UTF-8', LC_ALL='C.UTF-8')
        self.env.pop('NO_AT_BRIDGE', None)
        self.set('org.gnome.desktop.interface', 'toolkit-accessibility', 'true')

    def set(self, schema, key, value):
        subprocess.run(['gsettings', 'set', schema, key, value], env=self.env, check=True)

    def act_as(self, role, identity=''):
        self.set('org.local4action.Hubs', 'role', role)
        self.set('org.local4action.Hubs', 'identity', identity)

    def use_sample_key(self, identity):
        """Signs as @identity of the sample data, with the key the format
        document publishes for it: the seed is the SHA-256 of
        "local4action-sample-key:" and the id; the key file goes where the
        application keeps this installation's key."""
        import nacl.signing
        self.cli('keys')  # makes the database, and so its installation id
        installation = self.query("SELECT value FROM meta WHERE key = 'installation_id'")[0][0]
        seed = hashlib.sha256(('local4action-sample-key:' + identity).encode()).digest()
        public = nacl.signing.SigningKey(seed).verify_key.encode()
        folder = os.path.join(self.dir, 'data', 'local4action', 'keys')
        os.makedirs(folder, mode=0o700, exist_ok=True)
        path = os.path.join(folder, installation + '.key')
        text = json.dumps({'format': 'local4action-key', 'format_version': 1, 'algorithm': 'ed25519',
                           'public_key': base64.b64encode(public).decode(),
                           'seed': base64.b64encode(seed).decode()})
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, 'w') as out:
            out.write(text)

    def fingerprint(self):
        """This workstation's key, as `local4action keys` reads it out."""
        for line in self.cli('keys').splitlines():
            if line.startswith('Fingerprint: '):
                return line[len('Fingerprint: '):].strip()
        raise Failure(f'{self.name}: no fingerprint')

    def cli(self, *args):
        done = subprocess.run([self.program, '--db', self.db, *args], env=self.env,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise Failure(f'{self.name}: local4action {" ".join(args)}: {done.stderr.strip()}')
        return done.stdout

    def query(self, sql, *params):
        with sqlite3.connect(f'file:{self.db}?mode=ro', uri=True) as db:
            return db.execute(sql, params).fetchall()

    def sql(self, sql, *params):
        with sqlite3.connect(self.db) as db:
            db.execute(sql, params)

    def start(self, *files):
        log = open(os.path.join(self.dir, 'app.log'), 'a')
        process = subprocess.Popen([self.program, '--db', self.db, *files], env=self.env,
                                   stdout=log, stderr=subprocess.STDOUT)
        return App(self, process)


def screenshot(path):
    """The whole screen as a PNG."""
    window = Gdk.get_default_root_window()
    pixbuf = Gdk.pixbuf_get_from_window(window, 0, 0, window.get_width(), window.get_height())
    pixbuf.savev(path, 'png', [], [])


def reset(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
