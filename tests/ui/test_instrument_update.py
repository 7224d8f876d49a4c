"""The office moves its open draft to a province-delivered instrument after seeing the diff."""

from __future__ import annotations

from models import keys
from models.instrument import load_instrument_bytes
from models.instrument_delivery import install_instrument, sign_instrument, trusted_registry
from tests.test_instrument_delivery import NEW_WEIGHTS, instrument_bytes


def deliver_signed(store) -> None:
    """As importing a profile does: trust the province key, keep the signed file."""
    private = keys.generate_private_key()
    public = keys.public_key_of(private)
    trusted = keys.trusted_keys_dir(store.data_dir)
    trusted.mkdir(parents=True, exist_ok=True)
    (trusted / f"province-19-{public.key_id_hex}.pub").write_text(public.to_minisign(), "ascii")
    data = instrument_bytes(3, NEW_WEIGHTS)
    install_instrument(store.data_dir, data, sign_instrument(data, private, load_instrument_bytes(data)), public,
                       "19", store.registry)
    store.registry = trusted_registry(store.data_dir)


def test_update_action_shows_the_diff_and_moves_the_draft(window, store, monkeypatch):
    from ui.instrument_update_dialog import InstrumentUpdateDialog

    assert not window.instrument_update_action.isEnabled()
    deliver_signed(store)
    window._update_actions()  # noqa: SLF001 - as after the keys dialog closes
    assert window.instrument_update_action.isEnabled()
    shown = {}

    def accept(dialog):
        shown["diff"] = dialog.diff_text.toPlainText()
        shown["signer"] = dialog.signer.text()
        return InstrumentUpdateDialog.DialogCode.Accepted

    monkeypatch.setattr(InstrumentUpdateDialog, "exec", accept)
    window.instrument_update_action.trigger()
    assert "Bobot A1: 10,00% → 20,00%" in shown["diff"] and "kunci provinsi 19" in shown["signer"]
    assert window.session.model.instrument.version == "2026.3"
    assert not window.instrument_update_action.isEnabled()
