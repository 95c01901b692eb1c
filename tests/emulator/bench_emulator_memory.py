#!/usr/bin/env python3
"""Memory of a flowconsole-emulator process under abuse (ctest -L bench).

Starts the emulator given on the command line (--no-auth, loopback, ephemeral port) once per
scenario and prints its resident memory (VmRSS) before and after, and the peak (VmHWM):

  device codes   20,000 POST /devicecode, each with its own client ID, no sign-in
  $filter shapes 400 runs queries with distinct $filter shapes (one prepared statement each)
  400 MB body    a POST announcing 4 GiB that then sends 400 MB (or until the server stops it)
  idle conns     5,000 connections opened and left idle for 2 s
  unread answers 5,000 pipelined requests for 250-run pages (~170 KB each) whose answers are
                 never read (8 s)

Every loop is bounded in count and in time. Usage:
  bench_emulator_memory.py path/to/flowconsole-emulator [scenario...]
"""
import json
import os
import resource
import socket
import subprocess
import sys
import time
import urllib.parse

SCENARIOS = ["device codes", "$filter shapes", "400 MB body", "idle conns", "unread answers"]
TIME_BUDGET_S = 60  # per scenario


def rss_kb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class Emulator:
    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "--port", "0", "--seed", "demo", "--no-auth", "--quiet"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        base = self.proc.stdout.readline().strip()
        if not base.startswith("http://"):
            raise SystemExit(f"{binary} did not start")
        self.port = int(base.rsplit(":", 1)[1])

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def connect(port, timeout=10):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def read_response(sock, buf=b""):
    """One HTTP/1.1 response with Content-Length; (status, body, rest)."""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return 0, b"", b""
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return status, rest[:length], rest[length:]


def get_json(port, path):
    with connect(port) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        status, body, _ = read_response(s)
        return status, json.loads(body) if body else None


def pipelined(port, requests, window=64):
    """Sends requests over one keep-alive connection, `window` in flight; returns status counts."""
    counts = {}
    deadline = time.monotonic() + TIME_BUDGET_S
    sock = connect(port)
    rest = b""
    i = 0
    while i < len(requests) and time.monotonic() < deadline:
        batch = requests[i:i + window]
        try:
            sock.sendall(b"".join(batch))
            for _ in batch:
                status, _, rest = read_response(sock, rest)
                if status == 0:
                    raise ConnectionError
                counts[status] = counts.get(status, 0) + 1
        except (ConnectionError, OSError):
            counts["reconnects"] = counts.get("reconnects", 0) + 1
            sock.close()
            sock = connect(port)
            rest = b""
        i += len(batch)
    sock.close()
    return counts


def device_codes(emu):
    requests = []
    for i in range(20000):
        body = f"client_id=bench-{i}&scope=" + urllib.parse.quote("https://service.flow.microsoft.com/.default")
        requests.append((f"POST /organizations/oauth2/v2.0/devicecode HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
                         + body).encode())
    return pipelined(emu.port, requests)


def filter_shapes(emu):
    _, envs = get_json(emu.port, "/providers/Microsoft.ProcessSimple/environments")
    env = envs["value"][0]["name"]
    _, flows = get_json(emu.port, f"/providers/Microsoft.ProcessSimple/environments/{env}/flows")
    flow = flows["value"][0]["name"]
    clauses = ["status eq 'Failed'", "status ne 'Failed'", "startTime ge 2000-01-01T00:00:00Z",
               "startTime gt 2000-01-01T00:00:00Z", "startTime le 2100-01-01T00:00:00Z",
               "startTime lt 2100-01-01T00:00:00Z"]
    shapes = set()
    k = 0
    while len(shapes) < 400:  # up to 24 clauses each, within every limit of the emulator
        n, digits, parts = 1 + k % 24, k // 24, []
        for _ in range(n):
            parts.append(clauses[digits % len(clauses)])
            digits = digits // len(clauses) + 1
        shapes.add(" and ".join(parts))
        k += 1
    path = f"/providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow}/runs?$top=1&$filter="
    requests = [f"GET {path}{urllib.parse.quote(s)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
                for s in sorted(shapes)]
    return pipelined(emu.port, requests, window=16)


def big_body(emu):
    sent, status = 0, 0
    total = 400 * 1024 * 1024
    chunk = b"x" * (1024 * 1024)
    deadline = time.monotonic() + TIME_BUDGET_S
    with connect(emu.port, timeout=30) as s:
        s.sendall(b"POST /providers/Microsoft.ProcessSimple/environments/x/flows HTTP/1.1\r\n"
                  b"Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4294967296\r\n\r\n")
        try:
            while sent < total and time.monotonic() < deadline:
                s.sendall(chunk)
                sent += len(chunk)
        except OSError:
            pass  # the server stopped it
        try:
            s.settimeout(2)
            status, _, _ = read_response(s)
        except OSError:
            pass
    time.sleep(0.5)
    return {"MB sent": sent // (1024 * 1024), "answer": status or "none"}


def idle_connections(emu):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 6000)), hard))
    socks, refused = [], 0
    deadline = time.monotonic() + TIME_BUDGET_S
    for _ in range(5000):
        if time.monotonic() > deadline:
            break
        try:
            socks.append(connect(emu.port, timeout=2))
        except OSError:
            refused += 1
    time.sleep(2)
    during = rss_kb(emu.proc.pid)
    kept = answered = 0
    for s in socks:  # kept: nothing to read and no end of stream; answered: a refusal came
        s.setblocking(False)
        try:
            answered += 1 if s.recv(16, socket.MSG_PEEK).startswith(b"HTTP/1.1 ") else 0
        except BlockingIOError:
            kept += 1
        except OSError:
            pass
    for s in socks:
        s.close()
    time.sleep(1)
    return {"opened": len(socks), "connect failed": refused, "kept open": kept, "answered (503)": answered,
            "RSS with them open": f"{during // 1024} MB"}


def unread_answers(emu):
    _, envs = get_json(emu.port, "/providers/Microsoft.ProcessSimple/environments")
    env = envs["value"][0]["name"]
    _, flows = get_json(emu.port, f"/providers/Microsoft.ProcessSimple/environments/{env}/flows")
    flow = flows["value"][0]["name"]
    request = (f"GET /providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow}/runs?$top=250 "
               "HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").encode()
    sent = 0
    deadline = time.monotonic() + 20
    with connect(emu.port, timeout=1) as s:
        try:
            while sent < 5000 and time.monotonic() < deadline:
                s.sendall(request)
                sent += 1
        except OSError:
            pass  # the server stopped reading
        peak_while_open = 0
        for _ in range(16):  # 8 s for the server to answer into a connection nobody reads
            time.sleep(0.5)
            peak_while_open = max(peak_while_open, rss_kb(emu.proc.pid))
    return {"requests sent": sent, "most RSS while open": f"{peak_while_open // 1024} MB"}


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    binary = sys.argv[1]
    chosen = sys.argv[2:] or SCENARIOS
    runs = {"device codes": device_codes, "$filter shapes": filter_shapes, "400 MB body": big_body,
            "idle conns": idle_connections, "unread answers": unread_answers}
    print(f"flowconsole-emulator memory under abuse: {binary}")
    print(f"{'scenario':<16}{'RSS before':>12}{'RSS after':>12}{'peak':>10}  {'seconds':>7}  outcome")
    for name in chosen:
        emu = Emulator(binary)
        try:
            time.sleep(0.3)
            before = rss_kb(emu.proc.pid)
            started = time.monotonic()
            outcome = runs[name](emu)
            elapsed = time.monotonic() - started
            after, peak = rss_kb(emu.proc.pid), rss_kb(emu.proc.pid, "VmHWM")
            print(f"{name:<16}{before // 1024:>9} MB{after // 1024:>9} MB{peak // 1024:>7} MB  {elapsed:7.1f}  {outcome}")
            sys.stdout.flush()
        finally:
            emu.stop()


if __name__ == "__main__":
    main()
