"""Staff access: a shared password or a users file with hashed passwords; without either, open to all.
The staff tab's handlers serve nothing to a session that has not signed in."""

import pytest

from assistant.config import get_settings
from assistant.core import Assistant
from assistant.errors import ConfigError
from assistant.staff.access import StaffAccess, hash_password


def test_without_a_password_the_tools_are_open():
    access = StaffAccess(get_settings())
    assert not access.required and access.check("", "")


def test_a_shared_password(monkeypatch):
    monkeypatch.setenv("ASSISTANT_STAFF_PASSWORD", "s3cret")
    access = StaffAccess(get_settings())
    assert access.required and access.check("anyone", "s3cret")
    assert not access.check("anyone", "S3cret") and not access.check("anyone", "")
    assert "s3cret" not in repr(get_settings())  # a secret is never printed


def test_a_users_file_with_hashed_passwords(tmp_path, monkeypatch):
    users = tmp_path / "staff.txt"
    users.write_text(f"# staff\nanna:{hash_password('correct horse')}\nboris:{hash_password('battery')}\n")
    assert "correct horse" not in users.read_text()
    monkeypatch.setenv("ASSISTANT_STAFF_USERS", str(users))
    access = StaffAccess(get_settings())
    assert access.check("anna", "correct horse") and access.check("boris", "battery")
    assert not access.check("anna", "battery") and not access.check("carl", "correct horse")
    users.write_text("anna:plaintext\n")
    with pytest.raises(ConfigError, match="assistant staff-user"):
        StaffAccess(get_settings())


def test_the_staff_tab_serves_nothing_before_sign_in(seeded_settings, monkeypatch):
    from assistant.ui.staff_tab import NOT_SIGNED_IN, StaffHandlers

    monkeypatch.setenv("ASSISTANT_STAFF_PASSWORD", "s3cret")
    h = StaffHandlers(Assistant(get_settings()))
    assert h.table({}, "METU", "any kind", "", "") == ([], [], NOT_SIGNED_IN, None, None)
    assert h.draft({}, "METU", "", "", "") == ("", NOT_SIGNED_IN)
    session, *_ = h.sign_in("anna", "s3cret", {})
    shown, rows, _, graph, timeline = h.table(session, "METU", "any kind", "", "")
    assert len(shown) == len(rows) == 2 and "Zhasyl Almaty" in shown[0][3]
    assert sum(sum(bar.y) for bar in timeline.data) == 2 and "2 partnerships" in graph.layout.title.text
    assert h.table(session, "", "any kind", "last year", "")[2].startswith("From 'last year' is not a date")
    # the pictures' clicks and the Feedback tab follow the same sign-in
    click = '{"data": ["org", "METU"], "n": 1}'
    assert h.pick({}, click, rows, "", "", "")[:3] == ("", "", "") and h.pick(session, click, rows, "", "", "")[0]
    from assistant.ui.feedback_tab import FeedbackHandlers

    feedback = FeedbackHandlers(h.assistant)
    assert feedback.view({}) == (None, [], [], NOT_SIGNED_IN) and feedback.view(session)[3].startswith("0 ratings")


def test_cli_makes_users_file_lines():
    from .cli import run_cli

    proc = run_cli("staff-user", "anna", "--password", "pw", check=False)
    name, stored = proc.stdout.strip().split(":", 1)
    assert name == "anna" and stored.startswith("scrypt$") and "pw" not in stored.split("$")[0]
