"""One office's received assessment, read-only: answers, justifications, evidence.

Aspects are top-level rows, items below them (level and its descriptor, justification),
evidence files below each item. Opening an evidence file copies its bytes to a temp folder
under its original name (off the GUI thread) and hands that to the system viewer, so the
viewer can never change the province's copy. The bytes of imported evidence come from the
stored package itself (``models.evidence_source``), checked against the SHA-256 received
while they are copied: a package altered on disk is refused, never shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from models import province
from models.evidence import EvidenceError
from models.evidence_source import evidence_source
from models.formatting import decimal_id, percent_id, size_id
from models.store import Store
from models.tables import Evidence
from ui import evidence_panel
from ui.i18n import date_text
from ui.messages import user_message

EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1


class DrilldownDialog(QDialog):
    def __init__(self, store: Store, assessment_id: int, parent=None):
        super().__init__(parent)
        self.store = store
        self.assessment = store.assessment(assessment_id)
        self.last_job = None  # the latest evidence copy (tests wait on its ``done``)
        office = self.assessment.office
        self.setWindowTitle(self.tr("{office} — penilaian {year}").format(office=office.name,
                                                                           year=self.assessment.year))
        result = store.score(self.assessment)
        received = province.received_package_of(self.assessment)
        summary = self.tr("{code} {name} · tahun {year} revisi {revision} · {kind} {index} ({band}){mark} · "
                          "kelengkapan {complete}").format(
            code=office.code, name=office.name, year=self.assessment.year, revision=self.assessment.revision,
            kind="NISM" if result.headline_kind == "nism" else self.tr("Maturitas"),
            index=decimal_id(result.index),
            band=result.band.display if result.band is not None else self.tr("perkiraan: {band}").format(
                band=result.band_estimate.display),
            mark=self.tr(" — sementara") if result.provisional else "",
            complete=percent_id(result.completeness))
        if received is not None:
            summary += "\n" + self.tr("Diterima {when} dari berkas {name}; sertifikat {serial}.").format(
                when=date_text(received.received_at), name=received.source_name, serial=received.certificate_serial)
            summary += self._revisions_text(office.code, self.assessment.year, received)
        self.summary_label = QLabel(summary)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Aspek / butir / bukti"), self.tr("Tingkat"), self.tr("Penjelasan")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 460)
        self._fill(result)

        self.open_button = QPushButton(self.tr("&Buka bukti"))
        self.open_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.review_button = QPushButton(self.tr("&Tinjau butir…"))
        self.review_button.setEnabled(received is not None)
        buttons.addButton(self.review_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.review_button.clicked.connect(self._on_review_button_clicked)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.resize(980, 640)

    def _revisions_text(self, office_code: str, year: int, shown) -> str:
        """Every revision received for this office and year, and files in conflict: all are
        kept, whatever order they arrived in; the consolidation uses the highest revision."""
        received = province.received_packages(self.store, year, office_code)
        conflicts = province.package_conflicts(self.store, year, office_code)
        lines = []
        if len(received) > 1:
            newest = received[-1].revision
            lines.append(self.tr("Revisi yang diterima: {list}.").format(list=", ".join(
                self.tr("{revision} ({state}, {when}{here})").format(
                    revision=row.revision, state=self.tr("terkini") if row.revision == newest else self.tr("usang"),
                    when=date_text(row.received_at), here=self.tr(", ditampilkan") if row.sha256 == shown.sha256 else "")
                for row in received)))
        for conflict in conflicts:
            lines.append(self.tr("KONFLIK: berkas {name} (diterima {when}) juga mengaku revisi {revision}; tabel "
                                 "konsolidasi memakai berkas {first} yang diterima lebih dulu. Kedua berkas disimpan.")
                         .format(name=conflict.source_name, when=date_text(conflict.received_at),
                                 revision=conflict.revision, first=conflict.held.source_name))
        return "".join("\n" + line for line in lines)

    def _fill(self, result) -> None:
        instrument = self.store.instrument_of(self.assessment)
        answers = self.store.answers(self.assessment)
        evidence: dict[str, list[Evidence]] = {}
        for row in self.store.evidence(self.assessment):
            evidence.setdefault(row.item_id, []).append(row)
        gates = instrument.resolve_gates(self.assessment.gates)
        scores = {aspect.id: aspect.score for aspect in result.aspects}
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for aspect in instrument.aspects:
            score = scores.get(aspect.id)
            aspect_row = QTreeWidgetItem([f"{aspect.number}. {aspect.title}",
                                          "" if score is None else decimal_id(score), ""])
            font = aspect_row.font(0)
            font.setBold(True)
            aspect_row.setFont(0, font)
            self.tree.addTopLevelItem(aspect_row)
            for item in aspect.items:
                answer = answers.get(item.id)
                if not item.applies(gates):
                    level_text = self.tr("tidak berlaku")
                elif answer is None or answer.level is None:
                    level_text = self.tr("belum dijawab")
                else:
                    level_text = str(answer.level)
                item_row = QTreeWidgetItem([item.heading, level_text,
                                            answer.justification if answer else ""])
                if answer is not None and answer.level is not None and item.applies(gates):
                    item_row.setToolTip(1, item.descriptor(answer.level))
                item_row.setToolTip(0, item.question)
                aspect_row.addChild(item_row)
                for row in evidence.get(item.id, []):
                    child = QTreeWidgetItem([row.label, size_id(row.size), row.original_name])
                    child.setIcon(0, file_icon)
                    child.setData(0, EVIDENCE_ROLE, row.id)
                    child.setToolTip(0, self.tr("Klik dua kali untuk membuka {name}").format(name=row.original_name))
                    item_row.addChild(child)
            aspect_row.setExpanded(True)

    def evidence_items(self) -> list[QTreeWidgetItem]:
        found = []
        for a in range(self.tree.topLevelItemCount()):
            aspect = self.tree.topLevelItem(a)
            for i in range(aspect.childCount()):
                item = aspect.child(i)
                found += [item.child(e) for e in range(item.childCount())]
        return found

    def _on_tree_current_item_changed(self, current, _previous) -> None:
        self.open_button.setEnabled(current is not None and current.data(0, EVIDENCE_ROLE) is not None)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, EVIDENCE_ROLE) is not None:
            self.tree.setCurrentItem(item)
            self._on_open_button_clicked()

    def _on_open_button_clicked(self) -> None:
        current = self.tree.currentItem()
        evidence_id = current.data(0, EVIDENCE_ROLE) if current is not None else None
        if evidence_id is None:
            return
        row = self.store.evidence_by_id(evidence_id)
        try:
            source = evidence_source(self.store, row)  # the database, on this thread
        except EvidenceError as error:
            self._on_view_copy_failed(error)
            return
        self.last_job = evidence_panel.view_evidence(self, source.copy_to, row.original_name)

    def _on_review_button_clicked(self) -> None:
        from ui.province.review_dialog import ReviewDialog

        self.review_dialog = ReviewDialog(self.store, self.assessment.id, self)
        self.review_dialog.exec()

    def _on_view_copy_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Bukti dukung tidak dapat dibuka"), self.tr(
            "Berkas bukti tidak dapat disalin untuk dibuka: {error}").format(error=user_message(error)))
