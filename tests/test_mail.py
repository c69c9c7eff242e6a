"""The brief as an email: the .eml parsed back, and sent to a real SMTP server on loopback."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.config import EmailConfig, SmtpConfig
from briefing.errors import BriefingError
from briefing.outputs import render
from briefing.smtp import send_message
from conftest import small_brief

runner = CliRunner()


def email_of(brief, config: EmailConfig) -> bytes:
    return render(brief, "email", None, config)


def parse(data: bytes):
    return BytesParser(policy=policy.default).parsebytes(data)


def test_eml_has_text_and_inlined_html_and_a_dated_subject():
    config = EmailConfig(subject="{title} for {date}", sender="desk@example.org", to=["a@example.org", "b@example.org"])
    message = parse(email_of(small_brief(), config))
    assert message["Subject"] == "Morning brief for 3 March 2026"
    assert message["To"] == "a@example.org, b@example.org"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert text.startswith("# Morning brief")
    assert "<style" not in html and 'style="' in html  # CSS inlined for mail clients
    assert "running" not in html  # the PDF's running header is left out
    assert "The harbour reopened on Monday after repairs." in html
    assert email_of(small_brief(), config) == email_of(small_brief(), config)


def test_pdf_is_attached_when_asked():
    message = parse(email_of(small_brief(), EmailConfig(attach_pdf=True)))
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "brief-2026-03-03.pdf"
    assert attachment.get_content().startswith(b"%PDF")


def test_article_text_cannot_inject_html_into_the_email():
    message = parse(email_of(small_brief("Port <script>alert(1)</script> <img src=x> reopened."), EmailConfig()))
    html = message.get_body(("html",)).get_content()
    assert "<script>alert" not in html and "<img src=x" not in html


@pytest.mark.parametrize("subject", ["{weather}", "{title:>1000000000}", "{title!r}", "{date.__class__}", "Brief\r\nBcc: x@y"])
def test_a_bad_subject_template_is_a_clear_config_error(tmp_path, subject):
    from briefing.config import load_config
    from briefing.errors import ConfigError

    config = tmp_path / "config.yaml"
    config.write_text(f"email:\n  subject: {subject!r}\n".replace("'", '"'))
    with pytest.raises(ConfigError, match="email.subject: "):
        load_config(config)


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 that keeps what it receives."""
    from aiosmtpd.controller import Controller

    received = []

    class Keep:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's API
            received.append(envelope)
            return "250 Message accepted for delivery"

    import socket

    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    yield port, received
    controller.stop()


def test_send_delivers_the_eml_through_smtp(tmp_path, smtp_server, monkeypatch):
    port, received = smtp_server
    monkeypatch.chdir(tmp_path)
    eml = tmp_path / "brief.eml"
    eml.write_bytes(email_of(small_brief(), EmailConfig(sender="desk@example.org", to=["ops@example.org"])))
    config = tmp_path / "config.yaml"
    config.write_text(f"email:\n  sender: desk@example.org\n  smtp:\n    host: 127.0.0.1\n"
                      f"    port: {port}\n    security: none\n")
    result = runner.invoke(app, ["send", str(eml), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "to 1 recipient(s) via 127.0.0.1" in result.stdout
    (envelope,) = received
    assert envelope.rcpt_tos == ["ops@example.org"]
    assert envelope.mail_from == "desk@example.org"
    delivered = parse(envelope.content)
    assert delivered["Subject"] == "Morning brief - 3 March 2026"
    assert delivered.get_body(("plain",)).get_content().startswith("# Morning brief")


def test_send_without_the_password_variable_says_which_to_set(tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFING_SMTP_PASSWORD", raising=False)
    eml = tmp_path / "brief.eml"
    eml.write_bytes(email_of(small_brief(), EmailConfig(to=["ops@example.org"])))
    with pytest.raises(BriefingError, match="BRIEFING_SMTP_PASSWORD"):
        send_message(eml, EmailConfig(smtp=SmtpConfig(user="desk", host="127.0.0.1", port=9)))


def test_send_to_a_closed_port_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    eml = tmp_path / "brief.eml"
    eml.write_bytes(email_of(small_brief(), EmailConfig(to=["ops@example.org"])))
    config = tmp_path / "config.yaml"
    config.write_text("email:\n  smtp:\n    host: 127.0.0.1\n    port: 9\n    security: none\n    timeout: 5\n")
    result = runner.invoke(app, ["send", str(eml), "--config", str(config)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: sending through 127.0.0.1:9 failed")
    assert "Traceback" not in result.output


ARTICLE = ("Harbour reopens after storm\n\nThe harbour at Kessel reopened on Monday after three days of repairs "
           "to its storm-damaged sea wall, the port authority said. About 40 fishing boats returned to their "
           "moorings by the evening.\n")


def send_config(tmp_path, port: int, to: str = "[ops@example.org]") -> str:
    config = tmp_path / "config.yaml"
    config.write_text(f"email:\n  sender: desk@example.org\n  to: {to}\n  smtp:\n    host: 127.0.0.1\n"
                      f"    port: {port}\n    security: none\n    timeout: 5\n")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return str(config)


def generate_and_send(tmp_path, config: str):
    return runner.invoke(app, ["generate", str(tmp_path / "article.txt"), "--config", config, "--format", "md",
                               "--date", "2026-03-03", "--out", str(tmp_path / "out"), "--send", "-q"])


def test_generate_send_writes_the_eml_and_mails_it(tmp_path, smtp_server):
    port, received = smtp_server
    result = generate_and_send(tmp_path, send_config(tmp_path, port))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("brief-*")) == ["brief-2026-03-03.eml",
                                                                         "brief-2026-03-03.md"]
    (envelope,) = received
    assert envelope.rcpt_tos == ["ops@example.org"]
    assert "Kessel" in parse(envelope.content).get_body(("plain",)).get_content()


def test_generate_send_without_recipients_fails_before_writing(tmp_path):
    result = generate_and_send(tmp_path, send_config(tmp_path, 9, to="[]"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --send needs recipients: set email.to")
    assert not (tmp_path / "out").exists()


def test_generate_send_that_cannot_send_keeps_the_brief_and_exits_3(tmp_path):
    result = generate_and_send(tmp_path, send_config(tmp_path, 9))  # nothing listens on port 9
    assert result.exit_code == 3
    assert "Error: not sent: sending through 127.0.0.1:9 failed" in result.stderr
    assert (tmp_path / "out" / "brief-2026-03-03.eml").is_file()
    assert (tmp_path / "out" / "brief-2026-03-03.md").is_file()


def test_the_plain_text_part_reads_without_markdown_escapes():
    text = "Shares fell 18% (to 2019. levels) as the [board] met | again, said the *chair* of A_B_C."
    message = parse(email_of(small_brief(text), EmailConfig()))
    plain = message.get_body(("plain",)).get_content()
    assert "\\" not in plain
    assert text in " ".join(plain.split())
