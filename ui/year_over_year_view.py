"""Last year beside this year, minimally: one line under the score panel's headline and one
line in the item editor ("Tahun lalu (2025): tingkat 2 → sekarang 3 (+1)").

The comparison is ``models.year_over_year``; last year's side is read once when the
workspace opens (it is another, usually final, assessment), this year's side comes from
the live session. The labels are put into the existing panels from here, so the panels
themselves need no change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from models.formatting import decimal_id
from models.year_over_year import counted_levels, previous_assessment, signed

STYLE = "color: #34495e;"
CARRIED_STYLE = ("background: #fdf2e9; color: #a04000; border: 1px solid #e67e22; border-radius: 4px;"
                 " padding: 4px;")


def _insert_after(anchor: QLabel, widget) -> None:
    layout = anchor.parentWidget().layout()
    layout.insertWidget(layout.indexOf(anchor) + 1, widget)


class YearOverYearLabels(QObject):
    def __init__(self, workspace):
        super().__init__(workspace)
        self.workspace = workspace
        session = workspace.session
        model = session.model
        self.store = model.store
        self.previous = previous_assessment(self.store, model.assessment)
        self.previous_result = self.store.score(self.previous) if self.previous else None
        self.previous_levels = counted_levels(self.store, self.previous) if self.previous else {}
        self.item_id: str | None = None

        self.score_label = QLabel(workspace.score_panel)
        self.score_label.setObjectName("yearChange")
        self.score_label.setWordWrap(True)
        self.score_label.setStyleSheet(STYLE)
        _insert_after(workspace.score_panel.next_band_label, self.score_label)
        self.item_label = QLabel(workspace.item_editor.widget())
        self.item_label.setObjectName("itemYearChange")
        self.item_label.setWordWrap(True)
        self.item_label.setStyleSheet(STYLE)
        _insert_after(workspace.item_editor.aspect_label, self.item_label)
        self.carried_label = QLabel(self.tr("Dibawa dari tahun lalu — belum ditinjau tahun ini. Ubah jawabannya, "
                                            "atau konfirmasi di Periksa kelengkapan (F7)."),
                                    workspace.item_editor.widget())
        self.carried_label.setObjectName("carriedUnreviewed")
        self.carried_label.setWordWrap(True)
        self.carried_label.setStyleSheet(CARRIED_STYLE)
        _insert_after(self.item_label, self.carried_label)

        workspace.navigator.itemSelected.connect(self._on_navigator_item_selected)
        session.answerChanged.connect(self._on_session_answer_changed)
        session.written.connect(self._on_session_written)
        session.scoreChanged.connect(self._on_session_score_changed)
        self._on_session_score_changed(model.score())
        self._show_item()

    def _on_navigator_item_selected(self, item_id: str) -> None:
        self.item_id = item_id
        self._show_item()

    def _on_session_answer_changed(self, item_id: str) -> None:
        if item_id == self.item_id:
            # The "carried, not reviewed" mark only ever goes away, once the change is on the
            # disk (``written``): no query on every save unless the mark is there.
            self._show_item(carried=self.carried_label.isVisibleTo(self.carried_label.parentWidget()))

    def _on_session_written(self, item_id) -> None:
        if item_id == self.item_id and self.carried_label.isVisibleTo(self.carried_label.parentWidget()):
            self._show_item()

    def _on_session_score_changed(self, result) -> None:
        if self.previous_result is None:
            self.score_label.setVisible(False)
            return
        places = self.workspace.session.model.instrument.precision
        before = self.previous_result
        text = self.tr("Dibanding {year}: {delta} ({before} → {now})").format(
            year=self.previous.year, delta=signed(result.index - before.index, places + 1),
            before=decimal_id(before.index, places), now=decimal_id(result.index, places))
        if before.headline_kind != result.headline_kind:
            text += self.tr(" — tahun lalu {kind}, bandingkan dengan hati-hati").format(
                kind="NISM" if before.headline_kind == "nism" else self.tr("maturitas"))
        self.score_label.setText(text)
        self.score_label.setVisible(True)

    def _show_item(self, carried: bool = True) -> None:
        """``carried``: read the item's "carried, not reviewed" mark from the store."""
        model = self.workspace.session.model
        item_id = self.item_id or self.workspace.item_editor.item_id
        if item_id is None:
            self.item_label.setVisible(False)
            self.carried_label.setVisible(False)
            return
        if carried:
            answer_row = self.store.answer(model.assessment, item_id)
            self.carried_label.setVisible(bool(answer_row is not None and answer_row.carried_unreviewed))
        if self.previous is None:
            self.item_label.setVisible(False)
            return
        before = self.previous_levels.get(item_id)
        now = model.answer(item_id).level
        if before is None:
            text = self.tr("Tahun lalu ({year}): belum dijawab atau tidak berlaku").format(year=self.previous.year)
        elif now is None:
            text = self.tr("Tahun lalu ({year}): tingkat {before}; tahun ini belum dijawab").format(
                year=self.previous.year, before=before)
        else:
            text = self.tr("Tahun lalu ({year}): tingkat {before} → sekarang {now} ({delta})").format(
                year=self.previous.year, before=before, now=now, delta=signed(now - before, 0))
        self.item_label.setText(text)
        self.item_label.setVisible(True)
