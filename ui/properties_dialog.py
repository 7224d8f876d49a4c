"""The assessment's properties: the employee-survey figure S and the verifier's correction k."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from models.formatting import percent_id
from ui.session_adapter import SessionAdapter
from ui.undo_commands import SurveyCorrectionCommand

DECIMALS = 4


class FractionSpinBox(QDoubleSpinBox):
    """Indonesian decimal comma, but a typed point is taken as the comma, never dropped."""

    def validate(self, text: str, position: int):
        return super().validate(text.replace(".", ","), position)

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt naming)
        return super().valueFromText(text.replace(".", ","))

    def fixup(self, text: str) -> str:
        return super().fixup(text.replace(".", ","))


def _fraction_box(parent) -> QDoubleSpinBox:
    box = FractionSpinBox(parent)
    box.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    box.setDecimals(DECIMALS)
    box.setRange(0.0, 1.0)
    box.setSingleStep(0.01)
    return box


class PropertiesDialog(QDialog):
    """Edits S and k; accepting pushes one undoable change."""

    def __init__(self, session: SessionAdapter, parent=None):
        super().__init__(parent)
        self.session = session
        instrument = session.model.instrument
        assessment = session.model.assessment
        self.setWindowTitle(self.tr("Properti penilaian {0}").format(assessment.year))
        intro = QLabel(self.tr(
            "Indeks Sistem Merit = {0} × maturitas + {1} × S − k. Isi S bila hasil survei kepuasan/"
            "keterlibatan pegawai sudah diketahui; tanpa S aplikasi menampilkan maturitas saja. "
            "Koreksi k ditetapkan verifikator.").format(
                percent_id(instrument.maturity_share), percent_id(instrument.survey_share)), self)
        intro.setWordWrap(True)
        self.survey_known = QCheckBox(self.tr("Nilai &survei pegawai (S) sudah diketahui"), self)
        self.survey = _fraction_box(self)
        self.survey.setObjectName("surveyValue")
        self.survey.setAccessibleName(self.tr("Nilai survei pegawai S"))
        self.correction_known = QCheckBox(self.tr("&Koreksi verifikator (k) sudah ditetapkan"), self)
        self.correction = _fraction_box(self)
        self.correction.setObjectName("correctionValue")
        self.correction.setAccessibleName(self.tr("Koreksi verifikator k"))
        form = QFormLayout()
        form.addRow(self.survey_known)
        form.addRow(self.tr("S (0–1):"), self.survey)
        form.addRow(self.correction_known)
        form.addRow(self.tr("k (0–1):"), self.correction)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.survey_known.setChecked(session.model.survey is not None)
        self.survey.setValue(session.model.survey or 0.0)
        self.correction_known.setChecked(session.model.correction is not None)
        self.correction.setValue(session.model.correction or 0.0)
        self.survey.setEnabled(self.survey_known.isChecked())
        self.correction.setEnabled(self.correction_known.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not session.model.read_only)
        self.survey_known.toggled.connect(self.survey.setEnabled)
        self.correction_known.toggled.connect(self.correction.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(480, self.sizeHint().height())

    def values(self) -> tuple[float | None, float | None]:
        survey = round(self.survey.value(), DECIMALS) if self.survey_known.isChecked() else None
        correction = round(self.correction.value(), DECIMALS) if self.correction_known.isChecked() else None
        return survey, correction

    def accept(self) -> None:
        old = (self.session.model.survey, self.session.model.correction)
        new = self.values()
        if new != old and not self.session.model.read_only:
            self.session.undo_stack.push(SurveyCorrectionCommand(self.session, old, new))
        super().accept()
