"""The local outbox page: mail written by the file backend, each reader seeing their own."""

import pytest
from django.core.mail import EmailMultiAlternatives, send_mail
from django.urls import reverse

from reminders import outbox

pytestmark = pytest.mark.django_db


@pytest.fixture
def file_outbox(settings, tmp_path):
    settings.EMAIL_BACKEND = "reminders.outbox.EmlOutboxBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    return tmp_path


def test_each_message_is_its_own_eml_file_with_its_plain_text(file_outbox):
    message = EmailMultiAlternatives(
        "Due in 4 hours", "plain words", "from@example.org", ["A@Example.org"], cc=["c@x.org"]
    )
    message.attach_alternative("<p>html words</p>", "text/html")
    message.send()
    send_mail("Second", "second body", None, ["b@example.org"])
    files = sorted(file_outbox.glob("*.eml"))
    assert len(files) == 2 and not list(file_outbox.glob("*.part"))
    first = outbox.parse_message(files[0].read_bytes(), key=files[0].stem)
    second = outbox.parse_message(files[1].read_bytes(), key=files[1].stem)
    assert (first.subject, first.recipients) == ("Due in 4 hours", ("a@example.org", "c@x.org"))
    assert first.text.strip() == "plain words"
    assert first.sent_at is not None and first.message_id.startswith("<")
    assert (second.subject, second.text.strip()) == ("Second", "second body")


def test_a_reader_sees_only_mail_addressed_to_them(client, file_outbox, counsel, outsider):
    send_mail("For counsel <b>bold</b>", "body", None, [counsel.email])
    send_mail("For someone else", "body", None, ["other@example.org"])
    client.force_login(counsel)
    page = client.get(reverse("reminders:outbox")).content.decode()
    assert "For counsel &lt;b&gt;bold&lt;/b&gt;" in page  # escaped, never rendered
    assert "For someone else" not in page
    client.force_login(outsider)
    assert "For counsel" not in client.get(reverse("reminders:outbox")).content.decode()


def test_a_message_opens_for_its_reader_and_is_404_for_others(
    client, file_outbox, counsel, outsider
):
    send_mail("Overdue", "the body text", None, [counsel.email])
    (message,) = outbox.messages_for(counsel)
    url = reverse("reminders:outbox_message", args=[message.key])
    client.force_login(counsel)
    assert "the body text" in client.get(url).content.decode()
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_a_superuser_sees_every_message(client, file_outbox, django_user_model):
    send_mail("To anyone", "body", None, ["x@example.org"])
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw-long-enough")
    client.force_login(admin)
    assert "To anyone" in client.get(reverse("reminders:outbox")).content.decode()


def test_no_outbox_when_mail_goes_by_smtp(client, settings, counsel):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    client.force_login(counsel)
    assert client.get(reverse("reminders:outbox")).status_code == 404
    assert b">Outbox<" not in client.get(reverse("dashboard")).content
