"""Writes over HTTP on both stores: POST /plans (upload) and DELETE /plans/{id}, behind the token,
with size limit and clear refusals; a refused or failed upload changes nothing."""

from __future__ import annotations

from pathlib import Path

from tests_app_helpers import TOKEN

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "plans" / "004_bfa0d2e85e167f4c.txt"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _counts(store):
    return store.counts(), [p["id"] for p in store.plans()]


def test_upload_and_delete_with_the_token(writer, web_store):
    data = SAMPLE.read_bytes()
    assert len(data) < 50_000  # under the 0.05 MB limit the writer fixture sets
    r = writer.post("/plans", files={"file": (SAMPLE.name, data, "text/plain")}, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "loaded" and body["tasks"] == 16
    plan_id = body["plan_id"]
    assert writer.get(f"/plans/{plan_id}").json()["task_count"] == 16
    again = writer.post("/plans", files={"file": (SAMPLE.name, data, "text/plain")}, headers=AUTH)
    assert again.json()["status"] == "unchanged"
    gone = writer.delete(f"/plans/{plan_id}", headers=AUTH)
    assert gone.status_code == 200 and gone.json() == {"plan_id": plan_id, "deleted": True}
    assert writer.get(f"/plans/{plan_id}").status_code == 404
    assert writer.delete(f"/plans/{plan_id}", headers=AUTH).status_code == 404


def test_writes_without_or_with_a_wrong_token_are_refused(writer, web_store):
    before = _counts(web_store)
    files = {"file": (SAMPLE.name, SAMPLE.read_bytes(), "text/plain")}
    r = writer.post("/plans", files=files)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert "Authorization: Bearer" in r.json()["error"]["message"]
    r = writer.post("/plans", files=files, headers={"Authorization": "Bearer wrong-token"})
    assert r.status_code == 401
    r = writer.delete("/plans/p-a", headers={"Authorization": "Bearer wrong-token"})
    assert r.status_code == 401
    assert _counts(web_store) == before


def test_writes_are_refused_when_disabled(client, web_store):
    before = _counts(web_store)
    r = client.delete("/plans/p-a", headers=AUTH)
    assert r.status_code == 403
    assert "AGENCYNET_WRITES_ENABLED" in r.json()["error"]["message"]
    assert _counts(web_store) == before


def test_oversized_upload_is_refused_and_changes_nothing(writer, web_store):
    before = _counts(web_store)
    big = SAMPLE.read_bytes() * 4  # > 0.05 MB, < twice that: the route names the file
    r = writer.post("/plans", files={"file": ("big.txt", big, "text/plain")}, headers=AUTH)
    assert r.status_code == 413
    err = r.json()["error"]
    assert err["code"] == "upload_too_large" and "big.txt" in err["message"] and "MB" in err["message"]
    assert _counts(web_store) == before


def test_malformed_uploads_get_the_extractors_message(writer, web_store):
    before = _counts(web_store)
    cases = [("x.bin", b"\x00\x01garbage" * 50, "unsupported"),
             ("notes.txt", "今天开会,没有任务。".encode(), "no action part"),
             ("empty.txt", b"", "empty")]
    for name, payload, words in cases:
        r = writer.post("/plans", files={"file": (name, payload, "application/octet-stream")}, headers=AUTH)
        assert r.status_code == 422, (name, r.text)
        err = r.json()["error"]
        assert name in err["message"] and words in err["message"].lower(), err
    r = writer.post("/plans", data={"nofile": "1"}, headers=AUTH)
    assert r.status_code == 422 and "file" in r.json()["error"]["message"]
    assert _counts(web_store) == before


def test_huge_bodies_are_refused_at_the_door(writer, web_store):
    before = _counts(web_store)
    huge = b"x" * 400_000  # far over twice the 0.05 MB limit
    r = writer.post("/plans", files={"file": ("huge.txt", huge, "text/plain")}, headers=AUTH)
    assert r.status_code == 413
    err = r.json()["error"]
    assert err["code"] == "upload_too_large" and "0.05 MB" in err["message"]
    assert _counts(web_store) == before


def test_streamed_bodies_without_length_are_counted(writer, web_store):
    before = _counts(web_store)

    def chunks():  # a valid multipart start, then a file part that keeps coming
        yield (b'--zz\r\nContent-Disposition: form-data; name="file"; filename="stream.txt"\r\n'
               b"Content-Type: text/plain\r\n\r\n")
        for _ in range(40):
            yield "质量".encode() * 5_000

    r = writer.post("/plans", content=chunks(), headers={**AUTH, "Content-Type": "multipart/form-data; boundary=zz"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "upload_too_large"
    assert _counts(web_store) == before
