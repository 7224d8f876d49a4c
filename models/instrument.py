"""The instrument as versioned data: loading, strict validation, lookup.

An instrument file (``resources/instruments/*.json``) holds the aspects, items, level
descriptors, expected evidence, gates and the scoring rules. Code never hard-codes any
of them, so a new official instrument is a new file, not a new release.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from pathlib import Path

from models.paths import resource_path
from models.texts import Said
from models.winpaths import windows_name_problem

SCHEMA_FILE = "instrument.schema.json"
# SHA-256 of each shipped instrument file (``sha256sum`` format). The tests validate every
# shipped file fully and keep this list in sync, so at start a shipped file with a listed
# digest is trusted without loading jsonschema; any other bytes are validated in full.
SHIPPED_DIGESTS_FILE = "shipped.sha256"
WEIGHT_SUM_TOLERANCE = 1e-6


class InstrumentError(ValueError):
    """A malformed instrument file; the message names the file and the bad field."""


def round_half_up(value: float, places: int) -> float:
    """Round as people and spreadsheets do (0.405 -> 0.41), not banker's rounding."""
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Level:
    """One level of an item and its descriptor."""

    level: int
    descriptor: str
    project_note: str = ""  # the project's own wording (e.g. completing a truncated text), not instrument text


@dataclass(frozen=True)
class Basis:
    """What a figure rests on: a provenance kind (``models.provenance``) and its source."""

    provenance: str
    source: str = ""


UNRECORDED = Basis("", "")


@dataclass(frozen=True)
class Condition:
    """An item applies only when gate ``gate`` has one of the values ``values``."""

    gate: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    """One assessed item: its question, levels, expected evidence and when it applies."""

    id: str
    aspect_id: str
    title: str
    question: str
    levels: tuple[Level, ...]
    evidence: tuple[str, ...]
    subaspect: str = ""
    note: str = ""
    weight: float | None = None
    applies_when: Condition | None = None
    provenance: str = ""
    evidence_project_note: str = ""

    @property
    def code(self) -> str:
        """The code people see everywhere (``1.2``, ``4.1-KK``): the id without its "A"."""
        return self.id.removeprefix("A")

    @property
    def heading(self) -> str:
        """Code and title, the one way an item is named on every surface."""
        return f"{self.code} {self.title}".strip()

    def applies(self, gates: Mapping[str, str]) -> bool:
        if self.applies_when is None:
            return True
        return gates.get(self.applies_when.gate) in self.applies_when.values

    def descriptor(self, level: int) -> str:
        for candidate in self.levels:
            if candidate.level == level:
                return candidate.descriptor
        raise KeyError(level)


@dataclass(frozen=True)
class GateOption:
    """One answer a gate question offers."""

    value: str
    label: str


@dataclass(frozen=True)
class Gate:
    """An opening question whose answer decides which items apply."""

    id: str
    aspect_id: str
    question: str
    options: tuple[GateOption, ...]
    default: str
    note: str = ""
    provenance: str = ""
    project_note: str = ""

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)

    def label_of(self, value: str) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        return value


@dataclass(frozen=True)
class Band:
    """A band (predikat or category) of the index: its range and colour."""

    code: str
    label: str
    min: float
    max: float | None
    color: str
    roman: str = ""

    @property
    def display(self) -> str:
        return f"{self.roman} {self.label}".strip()


@dataclass(frozen=True)
class Aspect:
    """An aspect: its weight and its items."""

    id: str
    number: int
    title: str
    weight: float
    weight_status: str
    items: tuple[Item, ...]
    description: str = ""
    weight_source: str = ""
    provenance: str = ""  # of the title and description
    weight_basis: Basis = UNRECORDED

    @property
    def provisional(self) -> bool:
        return self.weight_status == "provisional"


@dataclass(frozen=True)
class Instrument:
    """One instrument file, read and checked: aspects, items, gates, bands and scoring rules."""

    id: str
    version: str
    title: str
    legal_basis: str
    language: str
    scale_min: int
    scale_max: int
    model: str
    bands: tuple[Band, ...]
    aspects: tuple[Aspect, ...]
    gates: tuple[Gate, ...]
    precision: int
    sha256: str
    raw: Mapping = field(repr=False, compare=False, hash=False)
    path: Path | None = None
    short_title: str = ""
    source: str = ""
    headline_label: str = ""
    maturity_share: float = 0.75
    survey_share: float = 0.25
    is_fixture: bool = False
    sequence: int = 0  # monotonic per id: a lower one than held is a rollback
    formula_basis: Basis = UNRECORDED
    bands_basis: Basis = UNRECORDED
    aggregation_basis: Basis = UNRECORDED

    @cached_property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for aspect in self.aspects for item in aspect.items)

    @cached_property
    def _items_by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def item(self, item_id: str) -> Item:
        return self._items_by_id[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self._items_by_id

    def aspect(self, aspect_id: str) -> Aspect:
        for aspect in self.aspects:
            if aspect.id == aspect_id:
                return aspect
        raise KeyError(aspect_id)

    def gate(self, gate_id: str) -> Gate:
        for gate in self.gates:
            if gate.id == gate_id:
                return gate
        raise KeyError(gate_id)

    def gates_for_aspect(self, aspect_id: str) -> tuple[Gate, ...]:
        return tuple(gate for gate in self.gates if gate.aspect_id == aspect_id)

    def default_gates(self) -> dict[str, str]:
        return {gate.id: gate.default for gate in self.gates}

    def resolve_gates(self, gates: Mapping[str, str] | None) -> dict[str, str]:
        """Defaults overlaid with ``gates``; unknown ids or values are the caller's to check."""
        resolved = self.default_gates()
        resolved.update(gates or {})
        return resolved

    def applicable_items(self, gates: Mapping[str, str]) -> tuple[Item, ...]:
        resolved = self.resolve_gates(gates)
        return tuple(item for item in self.items if item.applies(resolved))

    def counted_levels(self, gates: Mapping[str, str] | None, levels: Mapping[str, int | None]) -> dict[str, int]:
        """The levels that count toward the score: answered items of this instrument that
        apply under ``gates``. Answers kept for gated-out items (so that changing the gate
        back restores them) and ids this instrument does not know never count."""
        resolved = self.resolve_gates(gates)
        return {
            item_id: level
            for item_id, level in levels.items()
            if level is not None and self.has_item(item_id) and self.item(item_id).applies(resolved)
        }

    def in_scale(self, level: int) -> bool:
        return self.scale_min <= level <= self.scale_max

    def expects_evidence(self, level: int | None) -> bool:
        """An answer above the lowest level rests on evidence: without any it is flagged
        while drafting and blocks finalizing unless a justification explains it."""
        return level is not None and level > self.scale_min

    @property
    def provisional(self) -> bool:
        return any(aspect.provisional for aspect in self.aspects)

    @property
    def index_range(self) -> tuple[float, float]:
        """The lowest and highest headline figure with the default gates."""
        if self.model == "maturity_index":
            return (0.0, 1.0)
        applicable = self.applicable_items(self.default_gates())
        total_weight = sum(item.weight or 0.0 for item in applicable)
        return (total_weight * self.scale_min, total_weight * self.scale_max)

    def band_for(self, value: float) -> Band:
        """The band whose lower bound the value (rounded to the file's precision) reaches."""
        rounded = round_half_up(value, self.precision)
        chosen = self.bands[0]
        for band in self.bands:
            if rounded >= band.min:
                chosen = band
        return chosen

    def next_band(self, band: Band) -> Band | None:
        position = self.bands.index(band)
        return self.bands[position + 1] if position + 1 < len(self.bands) else None

    def summary(self) -> dict:
        """The JSON shape printed by ``main.py instrument --json``."""
        data = dict(self.raw)
        data["sha256"] = self.sha256
        data["index_range"] = list(self.index_range)
        data["provisional"] = self.provisional
        data["item_count"] = len(self.items)
        return data


# --- loading -----------------------------------------------------------------------------

_schema_cache: dict | None = None


def _schema() -> dict:
    global _schema_cache
    if _schema_cache is None:
        _schema_cache = json.loads(resource_path("instruments", SCHEMA_FILE).read_text("utf-8"))
    return _schema_cache


def _json_path(parts: Iterable) -> str:
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def load_instrument_bytes(data: bytes, origin: str = "<bytes>", path: Path | None = None,
                          trusted_digests: frozenset[str] = frozenset()) -> Instrument:
    """Parse and strictly validate an instrument; errors name ``origin`` and the field path.
    Bytes whose SHA-256 is in ``trusted_digests`` (shipped and checked by the tests) skip
    the JSON Schema pass; the semantic checks always run."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InstrumentError(f"{origin}: bukan teks UTF-8 ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise InstrumentError(f"{origin}: bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno}: {exc.msg})") from exc
    digest = hashlib.sha256(data).hexdigest()
    if digest not in trusted_digests:
        import jsonschema  # only for bytes not already checked: most starts never load it

        validator = jsonschema.Draft202012Validator(_schema())
        errors = sorted(validator.iter_errors(raw), key=lambda error: list(error.absolute_path))
        if errors:
            first = errors[0]
            raise InstrumentError(f"{origin}: {_json_path(first.absolute_path)}: {first.message}")
    instrument = _build(raw, digest, path)
    _check_semantics(instrument, origin)
    return instrument


def load_instrument(path: Path | str, trusted_digests: frozenset[str] = frozenset()) -> Instrument:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InstrumentError(f"{path}: tidak dapat dibaca ({exc.strerror})") from exc
    return load_instrument_bytes(data, origin=str(path), path=path, trusted_digests=trusted_digests)


def shipped_digests(directory: Path) -> dict[str, str]:
    """File name -> SHA-256 from ``directory``'s digest list (empty when there is none)."""
    listing = directory / SHIPPED_DIGESTS_FILE
    if not listing.is_file():
        return {}
    pairs = (line.split(maxsplit=1) for line in listing.read_text("utf-8").splitlines() if line.strip())
    return {name.strip().lstrip("*"): digest for digest, name in pairs}


def check_shipped_digests(directory: Path) -> None:
    """Every instrument file in ``directory`` passes full validation and its SHA-256 is the
    one listed, and the list names no other file (tests and the bundle build call this);
    :class:`InstrumentError` names the first problem."""
    listed = shipped_digests(directory)
    files = instrument_files(directory)
    for path in files:
        load_instrument(path)  # trusting nothing: the schema pass runs
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if listed.get(path.name) != digest:
            raise InstrumentError(f"{directory / SHIPPED_DIGESTS_FILE}: {path.name} harus tercatat dengan "
                                  f"SHA-256 {digest}")
    extra = set(listed) - {path.name for path in files}
    if extra:
        raise InstrumentError(f"{directory / SHIPPED_DIGESTS_FILE}: mencatat berkas yang tidak ada: "
                              f"{', '.join(sorted(extra))}")


def _build(raw: dict, sha256: str, path: Path | None) -> Instrument:
    scoring = raw["scoring"]
    aspects = []
    for aspect_raw in raw["aspects"]:
        items = []
        for item_raw in aspect_raw["items"]:
            condition = item_raw.get("applies_when")
            items.append(
                Item(
                    id=item_raw["id"],
                    aspect_id=aspect_raw["id"],
                    subaspect=item_raw.get("subaspect", ""),
                    title=item_raw["title"],
                    question=item_raw["question"],
                    note=item_raw.get("note", ""),
                    levels=tuple(Level(lv["level"], lv["descriptor"], lv.get("project_note", ""))
                                 for lv in item_raw["levels"]),
                    evidence=tuple(item_raw["evidence"]),
                    weight=item_raw.get("weight"),
                    applies_when=Condition(condition["gate"], tuple(condition["in"])) if condition else None,
                    provenance=item_raw.get("provenance", ""),
                    evidence_project_note=item_raw.get("evidence_project_note", ""),
                )
            )
        aspects.append(
            Aspect(
                id=aspect_raw["id"],
                number=aspect_raw["number"],
                title=aspect_raw["title"],
                description=aspect_raw.get("description", ""),
                weight=float(aspect_raw["weight"]),
                weight_status=aspect_raw["weight_status"],
                weight_source=aspect_raw.get("weight_basis", {}).get("source") or aspect_raw.get("weight_source", ""),
                items=tuple(items),
                provenance=aspect_raw.get("provenance", ""),
                weight_basis=_basis(aspect_raw.get("weight_basis")),
            )
        )
    gates = tuple(
        Gate(
            id=gate_raw["id"],
            aspect_id=gate_raw["aspect"],
            question=gate_raw["question"],
            note=gate_raw.get("note", ""),
            provenance=gate_raw.get("provenance", ""),
            project_note=gate_raw.get("project_note", ""),
            options=tuple(GateOption(o["value"], o["label"]) for o in gate_raw["options"]),
            default=gate_raw["default"],
        )
        for gate_raw in raw["gates"]
    )
    bands = tuple(
        Band(b["code"], b["label"], float(b["min"]), b.get("max"), b["color"], b.get("roman", ""))
        for b in scoring["bands"]
    )
    return Instrument(
        id=raw["id"],
        version=raw["version"],
        title=raw["title"],
        short_title=raw.get("short_title", raw["title"]),
        legal_basis=raw["legal_basis"],
        language=raw["language"],
        source=raw.get("source", ""),
        scale_min=raw["scale"]["min"],
        scale_max=raw["scale"]["max"],
        model=scoring["model"],
        headline_label=scoring.get("headline_label", ""),
        maturity_share=scoring.get("maturity_share", 0.75),
        survey_share=scoring.get("survey_share", 0.25),
        precision=scoring["precision"],
        bands=bands,
        aspects=tuple(aspects),
        gates=gates,
        sha256=sha256,
        raw=raw,
        path=path,
        is_fixture=raw.get("is_fixture", False),
        sequence=raw.get("sequence", 0),
        formula_basis=_basis(scoring.get("formula_basis")),
        bands_basis=_basis(scoring.get("bands_basis")),
        aggregation_basis=_basis(scoring.get("aggregation_basis")),
    )


def instrument_provenance(instrument: Instrument) -> dict:
    """What the figures rest on, in the shape carried by a package's manifest and exports:
    the formula, the bands, the aggregation and each aspect weight (a provenance kind each)."""
    return {
        "sequence": instrument.sequence,
        "formula": instrument.formula_basis.provenance or None,
        "bands": instrument.bands_basis.provenance or None,
        "aggregation": instrument.aggregation_basis.provenance or None,
        "weights": {aspect.id: aspect.weight_basis.provenance or None for aspect in instrument.aspects},
    }


def _basis(raw: Mapping | None) -> Basis:
    return Basis(raw["provenance"], raw.get("source", "")) if raw else UNRECORDED


def _check_semantics(instrument: Instrument, origin: str) -> None:
    """What JSON Schema cannot say: unique ids, level ladders, references, weights, bands."""

    def fail(where: str, message: str) -> None:
        raise InstrumentError(f"{origin}: {where}: {message}")

    if instrument.scale_min >= instrument.scale_max:
        fail("$.scale", "min harus lebih kecil dari max")
    seen_ids: set[str] = set()
    gate_ids = {gate.id for gate in instrument.gates}
    expected_levels = list(range(instrument.scale_min, instrument.scale_max + 1))
    for a_index, aspect in enumerate(instrument.aspects):
        if aspect.id in seen_ids:
            fail(f"$.aspects[{a_index}].id", f"id ganda '{aspect.id}'")
        seen_ids.add(aspect.id)
        for i_index, item in enumerate(aspect.items):
            where = f"$.aspects[{a_index}].items[{i_index}]"
            if item.id in seen_ids:
                fail(f"{where}.id", f"id ganda '{item.id}'")
            seen_ids.add(item.id)
            # The id names the item's evidence folder inside a package (evidence/<id>/...),
            # which an office may unzip on Windows: CON, AUX, COM1.1, ... cannot be folders there.
            folder_problem = windows_name_problem(item.id.strip("._-"))
            if folder_problem:
                fail(f"{where}.id", f"id '{item.id}' tidak dapat menjadi nama folder di Windows ({folder_problem})")
            if [level.level for level in item.levels] != expected_levels:
                fail(f"{where}.levels", f"tingkat harus tepat {expected_levels} berurutan")
            if instrument.model == "weighted_sum" and item.weight is None:
                fail(f"{where}.weight", "model weighted_sum memerlukan bobot setiap item")
            if item.applies_when:
                if item.applies_when.gate not in gate_ids:
                    fail(f"{where}.applies_when.gate", f"gerbang tidak dikenal '{item.applies_when.gate}'")
                known_values = instrument.gate(item.applies_when.gate).values
                for value in item.applies_when.values:
                    if value not in known_values:
                        fail(f"{where}.applies_when.in", f"nilai gerbang tidak dikenal '{value}'")
    for g_index, gate in enumerate(instrument.gates):
        if gate.default not in gate.values:
            fail(f"$.gates[{g_index}].default", f"'{gate.default}' bukan salah satu pilihan")
        if gate.aspect_id not in {aspect.id for aspect in instrument.aspects}:
            fail(f"$.gates[{g_index}].aspect", f"aspek tidak dikenal '{gate.aspect_id}'")
    if instrument.model == "maturity_index":
        total = sum(aspect.weight for aspect in instrument.aspects)
        if abs(total - 1.0) > WEIGHT_SUM_TOLERANCE:
            fail("$.aspects[*].weight", f"jumlah bobot aspek harus 1, bukan {total:.6f}")
    minima = [band.min for band in instrument.bands]
    if minima != sorted(minima) or len(set(minima)) != len(minima):
        fail("$.scoring.bands", "batas bawah pita harus naik tegas")


# --- registry ----------------------------------------------------------------------------

DEFAULT_INSTRUMENT_ID = "esm-2026"
# Earlier releases of the shipped instruments, byte for byte: a package or a final revision
# scored with one is still verified and shown with the instrument it was scored with.
ARCHIVE_DIR = "archive"
# Beside a delivered instrument: who signed it (``models.instrument_delivery``); not an instrument.
SIGNER_SUFFIX = ".signer.json"


@dataclass(frozen=True)
class SkippedInstrument:
    """An instrument file left out of a registry, and why."""

    path: Path
    reason: str


def instrument_files(directory: Path) -> list[Path]:
    """The instrument files of a folder, in name order (not the schema, not signer records)."""
    if not directory.is_dir():
        return []
    return [path for path in sorted(directory.glob("*.json"))
            if path.name != SCHEMA_FILE and not path.name.endswith(SIGNER_SUFFIX)]


class InstrumentRegistry:
    """All instruments known to this installation: the shipped ones plus the user's own.

    Instruments are identified by ``id``; a package records id and SHA-256, so a file with
    the same id but other bytes is a different instrument version (``by_hash``).
    """

    def __init__(self, directories: Iterable[Path], *, lenient: Iterable[Path] = ()):
        """Every instrument in ``directories`` must load (they are shipped); a file in a
        ``lenient`` directory (the user's own) that does not is left out and reported in
        ``skipped``/``warnings``: one bad file added by hand must not stop the application."""
        self._by_id: dict[str, Instrument] = {}
        self._by_hash: dict[str, Instrument] = {}
        self.skipped: list[SkippedInstrument] = []
        for directory in directories:
            listed = shipped_digests(directory)
            for path in instrument_files(directory):
                trusted = frozenset({listed[path.name]}) if path.name in listed else frozenset()
                self.add(load_instrument(path, trusted))
        for directory in lenient:
            for path in instrument_files(directory):
                try:
                    self.add(load_instrument(path))
                except (InstrumentError, KeyError, TypeError, ValueError) as exc:
                    self.skipped.append(SkippedInstrument(path, str(exc)))

    @property
    def warnings(self) -> list[str]:
        """One line per skipped file, naming it, for a person."""
        return [Said("instrument_skipped", file=skipped.path.name, reason=skipped.reason) for skipped in self.skipped]

    def add(self, instrument: Instrument) -> None:
        """Known by hash always; by id only while it is the newest release (``sequence``),
        so an older file never replaces a newer one as the default of its id."""
        held = self._by_id.get(instrument.id)
        if held is None or instrument.sequence >= held.sequence:
            self._by_id[instrument.id] = instrument
        self._by_hash[instrument.sha256] = instrument

    def get(self, instrument_id: str) -> Instrument:
        try:
            return self._by_id[instrument_id]
        except KeyError:
            raise KeyError(f"instrumen tidak dikenal: '{instrument_id}'") from None

    def by_hash(self, sha256: str) -> Instrument | None:
        return self._by_hash.get(sha256)

    def __contains__(self, instrument_id: str) -> bool:
        return instrument_id in self._by_id

    def __iter__(self):
        return iter(self._by_id.values())

    def all_versions(self) -> list[Instrument]:
        """Every known release, older ones included (each a different SHA-256)."""
        return list(self._by_hash.values())

    def default(self) -> Instrument:
        return self.get(DEFAULT_INSTRUMENT_ID)


_shipped: InstrumentRegistry | None = None


def shipped_registry(extra_dir: Path | None = None) -> InstrumentRegistry:
    """The instruments shipped in ``resources/`` (cached), plus ``extra_dir`` when given."""
    global _shipped
    shipped = [resource_path("instruments", ARCHIVE_DIR), resource_path("instruments")]
    if extra_dir is not None:
        return InstrumentRegistry(shipped, lenient=[extra_dir])
    if _shipped is None:
        _shipped = InstrumentRegistry(shipped)
    return _shipped
