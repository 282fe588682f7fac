#!/usr/bin/python3
# A stand-in for the desktop's Email and OpenURI portals on the test's own
# session bus: it owns org.freedesktop.portal.Desktop, answers ComposeEmail
# as a mail client would once the user closes the composer, and OpenFile as
# the application chosen for a file would, and writes what it was asked
# (addresses, subject, body, the attached or opened files' bytes) as JSON
# to the file named on the command line, one object per line.
#
#   fake-portal.py RECORD

import json
import os
import sys

from gi.repository import Gio, GLib

RECORD = sys.argv[1]
XML = '''
<node>
  <interface name="org.freedesktop.portal.Email">
    <method name="ComposeEmail">
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
  <interface name="org.freedesktop.portal.OpenURI">
    <method name="OpenURI">
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="s" name="uri" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <method name="OpenFile">
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="h" name="fd" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
'''


def respond_later(connection, sender, handle):
    def respond():
        connection.emit_signal(sender, handle, 'org.freedesktop.portal.Request', 'Response',
                               GLib.Variant('(ua{sv})', (0, {})))
        return False
    GLib.timeout_add(50, respond)


def open_file(connection, sender, method, parameters, invocation):
    if method == 'OpenURI':
        parent, uri, options = parameters.unpack()
        entry = {'open': uri}
    else:
        parent, index, options = parameters.unpack()
        fds = invocation.get_message().get_unix_fd_list()
        fd = fds.get(index)
        path = os.readlink('/proc/self/fd/%d' % fd)
        os.close(fd)
        with open(path, 'rb') as f:
            data = f.read()
        entry = {'open': os.path.basename(path), 'size': len(data), 'head': data[:5].decode('latin-1')}
    token = options.get('handle_token', 'fake')
    handle = '/org/freedesktop/portal/desktop/request/%s/%s' % (sender[1:].replace('.', '_'), token)
    with open(RECORD, 'a', encoding='utf-8') as out:
        out.write(json.dumps(entry) + '\n')
    invocation.return_value(GLib.Variant('(o)', (handle,)))
    respond_later(connection, sender, handle)


def call(connection, sender, path, interface, method, parameters, invocation):
    if interface == 'org.freedesktop.portal.OpenURI':
        open_file(connection, sender, method, parameters, invocation)
        return
    parent, options = parameters.unpack()
    fds = invocation.get_message().get_unix_fd_list()
    attachments = []
    if fds is not None:
        for index in range(fds.get_length()):
            fd = fds.get(index)
            # libportal passes O_PATH descriptors: the file is read by its path
            path = os.readlink('/proc/self/fd/%d' % fd)
            os.close(fd)
            with open(path, 'rb') as f:
                head = f.read()
            attachments.append({'name': os.path.basename(path), 'size': len(head),
                                'head': head[:5].decode('latin-1')})
    token = options.get('handle_token', 'fake')
    handle = '/org/freedesktop/portal/desktop/request/%s/%s' % (sender[1:].replace('.', '_'), token)
    with open(RECORD, 'a', encoding='utf-8') as out:
        out.write(json.dumps({
            'addresses': options.get('addresses', []) or ([options['address']] if 'address' in options else []),
            'subject': options.get('subject', ''),
            'body': options.get('body', ''),
            'attachments': attachments,
        }) + '\n')
    invocation.return_value(GLib.Variant('(o)', (handle,)))
    respond_later(connection, sender, handle)


def get_property(connection, sender, path, interface, name):
    return GLib.Variant('u', 4 if interface == 'org.freedesktop.portal.Email' else 3)


def acquired(connection, name):
    with open(RECORD + '.ready', 'w') as ready:
        ready.write('ready\n')


def bus_acquired(connection, name):
    info = Gio.DBusNodeInfo.new_for_xml(XML)
    for interface in info.interfaces:
        connection.register_object('/org/freedesktop/portal/desktop', interface, call, get_property, None)


Gio.bus_own_name(Gio.BusType.SESSION, 'org.freedesktop.portal.Desktop', Gio.BusNameOwnerFlags.NONE,
                 bus_acquired, acquired, lambda *a: sys.exit(1))
GLib.MainLoop().run()
