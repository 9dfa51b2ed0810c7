/**
 * What stands between the network and the debugger's console: the host check (against DNS
 * rebinding), the PIN (generated per project and machine, Werkzeug's algorithm adapted), its
 * failure counting and lock, and the signed cookie that remembers a correct PIN.
 */
package io.runserverplus.core.security;
