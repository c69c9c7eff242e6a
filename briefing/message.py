"""The brief as an email: a .eml message (sending it is ``briefing.smtp``).

The message has a plain-text part (the Markdown brief), an HTML part (the HTML brief with its
CSS inlined by css-inline, since mail clients drop <style> blocks) and, if configured, the
PDF attached. Its Date and Message-ID come from the brief, so the same brief gives the same
file. The parts come rendered (``briefing.outputs.Rendering``): this module builds, it does not
render.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from typing import TYPE_CHECKING

from briefing.errors import RenderError
from briefing.render import long_date

if TYPE_CHECKING:  # pragma: no cover
    from briefing.config import EmailConfig
    from briefing.models import Brief


def subject_of(brief: Brief, config: EmailConfig) -> str:
    try:
        return config.subject.format(title=brief.title, date=long_date(brief.date))
    except (KeyError, IndexError, ValueError) as exc:
        raise RenderError(f"email.subject: {exc}; only {{title}} and {{date}} can be filled in") from None


def build_message(brief: Brief, text: str, html: str, config: EmailConfig, pdf: bytes | None = None) -> bytes:
    """The .eml bytes of the brief: ``text`` (the brief as plain text) as the plain-text part, ``html``
    (the HTML brief for mail) with its CSS inlined as the HTML part, and ``pdf`` attached if given."""
    import css_inline

    # The same no-fetch rule as the PDF: a stylesheet linked from a template is not loaded,
    # over the network or from a file.
    html = css_inline.CSSInliner(load_remote_stylesheets=False).inline(html)
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject_of(brief, config)
    message["From"] = config.sender
    if config.to:
        message["To"] = ", ".join(config.to)
    message["Date"] = format_datetime(dt.datetime.combine(brief.date, dt.time(6, 0), tzinfo=dt.timezone.utc))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    message["Message-ID"] = f"<brief-{brief.date.isoformat()}-{digest}@briefing.invalid>"
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    if pdf is not None:
        message.add_attachment(pdf, maintype="application", subtype="pdf",
                               filename=f"brief-{brief.date.isoformat()}.pdf")
    # Fixed boundaries: the email package picks random ones, and the same brief should give
    # the same file.
    for number, part in enumerate(p for p in message.walk() if p.is_multipart()):
        part.set_boundary(f"=_brief_{digest}_{number}")
    return message.as_bytes()
