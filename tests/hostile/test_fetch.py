"""URL inputs against a server on loopback that misbehaves: every bad answer costs only its
own input, redirects go to http(s) only, and no server can hold the run."""

from __future__ import annotations

import gzip
import socket
import threading
import time

import pytest

from briefing.ingest import ReadOptions, read_inputs

PAGE = (b"<html><head><title>Harbour crane collapses</title></head><body><article><h1>Harbour crane "
        b"collapses</h1><p>A crane collapsed at the Dunmore container terminal on Monday, the port authority said, "
        b"and two workers were taken to hospital.</p><p>Inspectors will check every crane at the terminal before it "
        b"reopens on Friday.</p></article></body></html>")


def response(body: bytes, *headers: str, status: str = "200 OK") -> bytes:
    head = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", *headers, "Connection: close"]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


class RawServer:
    """A TCP server on 127.0.0.1 that answers each path with the bytes the test gives, sent
    as the test says (all at once, or a few bytes at a time)."""

    def __init__(self) -> None:
        self.answers: dict[str, tuple[bytes, float]] = {}
        self.requests: list[str] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.running = True
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.answer, args=(conn,), daemon=True).start()

    def answer(self, conn: socket.socket) -> None:
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            path = request.split(b" ")[1].decode("latin-1")
            self.requests.append(path)
            data, pause = self.answers.get(path, (response(b"not here", status="404 Not Found"), 0))
            try:
                if pause:
                    for i in range(0, len(data), 8):
                        conn.sendall(data[i:i + 8])
                        time.sleep(pause)
                else:
                    conn.sendall(data)
            except OSError:
                pass

    def close(self) -> None:
        self.running = False
        self.sock.close()


@pytest.fixture
def server():
    running = RawServer()
    yield running
    running.close()


def read(urls, seconds: float = 10):
    return read_inputs(urls, max_bytes=1_000_000, options=ReadOptions(fetch_seconds=seconds))


@pytest.mark.parametrize("name, data, reason", [
    ("garbage-status", b"SPLAT 200 whatever\r\n\r\n" + PAGE, "cannot fetch"),
    ("http09", PAGE, "cannot fetch"),
    ("bad-chunks", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\nZZZ\r\n"
                   + PAGE + b"\r\n0\r\n\r\n", "cannot fetch"),
    ("cut-chunks", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n400\r\n"
                   + PAGE[:100], "cannot fetch"),
    ("short-body", b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
                   + PAGE, "cannot fetch"),
    ("ftp-redirect", response(b"", "Location: ftp://127.0.0.1/secret", status="302 Found"),
     "redirected to a ftp: address"),
    ("file-redirect", response(b"", "Location: file:///etc/passwd", status="302 Found"),
     "redirected to a file: address"),
])
def test_a_bad_answer_skips_that_url_only(server, name, data, reason):
    server.answers[f"/{name}"] = (data, 0)
    server.answers["/good"] = (response(PAGE, "Content-Type: text/html"), 0)
    documents, skipped = read([f"{server.base}/{name}", f"{server.base}/good"])
    assert [d.title for d in documents] == ["Harbour crane collapses"]
    (skip,) = skipped
    assert reason in skip.reason and "\n" not in skip.reason
    assert name in str(skip.path)


def test_many_or_huge_headers_do_not_stop_the_batch(server):
    server.answers["/many"] = (response(PAGE, "Content-Type: text/html", *(f"X-H{i}: {i}" for i in range(150))), 0)
    server.answers["/huge"] = (response(PAGE, "X-Filler: " + "a" * 70_000, "Content-Type: text/html"), 0)
    documents, skipped = read([f"{server.base}/many", f"{server.base}/huge"])
    assert len(documents) + len(skipped) == 2  # read, or skipped with a reason: either way the batch goes on


@pytest.mark.parametrize("url", ["http://127.0.0.1:abc/", "http://exa mple.com/a", "http://[::1/"])
def test_a_malformed_url_is_skipped_with_a_reason(url):
    documents, skipped = read([url])
    assert documents == [] and len(skipped) == 1
    assert skipped[0].reason.startswith(("not a valid URL", "cannot fetch"))


def test_a_redirect_is_followed_to_another_port_and_the_page_is_known_by_where_it_came_from(server):
    other = RawServer()
    try:
        other.answers["/story"] = (response(PAGE, "Content-Type: text/html"), 0)
        server.answers["/moved"] = (response(b"", f"Location: {other.base}/story", status="302 Found"), 0)
        (document,), skipped = read([f"{server.base}/moved"])
        assert skipped == []
        assert document.url == f"{other.base}/story"
        assert str(document.path) == f"127.0.0.1:{other.port}/story"
    finally:
        other.close()


def test_a_server_that_trickles_cannot_hold_the_run(server):
    server.answers["/slow"] = (response(PAGE, "Content-Type: text/html"), 0.25)  # 8 bytes every quarter second
    started = time.monotonic()
    documents, skipped = read([f"{server.base}/slow"], seconds=2)
    assert time.monotonic() - started < 6
    assert documents == [] and "no complete answer within 2 s" in skipped[0].reason


def test_compressed_bodies_charsets_plain_pages_and_non_ascii_paths(server):
    latin = PAGE.replace(b"Dunmore", "Dunmoré".encode("latin-1"))
    server.answers["/gz"] = (response(gzip.compress(PAGE), "Content-Type: text/html", "Content-Encoding: gzip"), 0)
    server.answers["/latin"] = (response(latin, "Content-Type: text/html; charset=iso-8859-1"), 0)
    server.answers["/untyped"] = (response(PAGE), 0)
    server.answers["/caf%C3%A9"] = (response(PAGE, "Content-Type: text/html"), 0)
    documents, skipped = read([f"{server.base}/gz", f"{server.base}/latin", f"{server.base}/untyped",
                               f"{server.base}/café"])
    assert skipped == []
    assert [("Dunmoré" in d.text, "crane" in d.text) for d in documents] == [
        (False, True), (True, True), (False, True), (False, True)]
