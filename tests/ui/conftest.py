"""Fixtures for the GUI tests: isolated window settings, an open session, the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from models.settings import OPERATOR_NAME


@pytest.fixture(autouse=True)
def isolated_ui_settings(tmp_path_factory):
    """QSettings resolves its folder once per process; point it at a fresh one per test."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def operator(store):
    store.set_setting(OPERATOR_NAME, "Ani Operator")
    return "Ani Operator"


@pytest.fixture
def session(qtbot, store, assessment, operator):
    from ui.session_adapter import SessionAdapter

    opened = SessionAdapter(store, assessment)
    yield opened
    opened.deleteLater()


@pytest.fixture
def window(qtbot, store, assessment, operator):
    """The main window with the assessment open, shown offscreen."""
    from ui.app import create_main_window

    main = create_main_window(store)
    qtbot.addWidget(main)
    main.show()
    main.open_assessment(assessment.id)
    qtbot.waitExposed(main)
    yield main
    main.close()  # before the store fixture closes the database


@pytest.fixture
def final_window(qtbot, store, operator):
    """The main window over the demo data, its finalized assessment open."""
    from models.demo import DEMO_YEAR, seed_demo
    from ui.app import create_main_window

    seed_demo(store)
    main = create_main_window(store)
    qtbot.addWidget(main)
    main.show()
    main.open_assessment(store.latest_assessment(store.office(), DEMO_YEAR).id)
    yield main
    main.close()


def score_text(store, assessment) -> str:
    """The headline as the engine computes it from the stored answers."""
    from models.formatting import decimal_id

    return decimal_id(store.score(assessment).index, store.instrument_of(assessment).precision)


def on_disk(owner) -> None:
    """Wait until the open assessment's changes are durable: the window writes on a writer
    thread (issue 17), so a test that reads the store back waits for it, as finalize does."""
    session = owner.workspace.session if hasattr(owner, "workspace") else owner
    session.model.flush()
