"""The activation store: one HDF5 file, one chunked dataset per layer.

Layout::

    /layers/<site>     [n_rows, d_model]  float16 or float32, chunked, lzf-compressed, resizable
    /row_example       [n_rows]  int64    which example a row belongs to (index into the example arrays)
    /row_position      [n_rows]  int64    token position of the row (-1 for pooled rows)
    /examples/id       [n_examples] str
    /examples/label    [n_examples] int8  (-1 = unlabelled)
    /examples/split    [n_examples] str
    /examples/group    [n_examples] str
    /examples/level    [n_examples] str
    /examples/hard     [n_examples] bool
    attrs: format, fingerprint (JSON), layers (JSON), position, dtype, d_model, package version,
           created, n_examples / n_rows committed

Lifecycle: :meth:`ActivationStore.create_or_open` validates an existing file read-only before opening
it for appending (another model, another d_model, another position rule or a truncated file is an error
that leaves the file untouched). Each :meth:`append` writes one batch and then bumps the committed
counters and flushes, so a crash mid-capture leaves a file that reads back every batch written before
it; rows past the committed counters (a batch cut short) are ignored on read and overwritten on resume.
Reads go through h5py slicing, so stores larger than memory are read in pieces (:meth:`iter_rows`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "reasonwatch-activations/1"


class StoreError(ValueError):
    """A store that cannot be used as asked; the message names the file and the problem."""


def _h5py():
    import h5py
    return h5py


def _site_name(site) -> str:
    return str(site)


def _parse_site(name: str):
    return int(name) if name.lstrip("-").isdigit() else name


class _StoreAttrs:
    """Metadata read from an open HDF5 file's attributes (``self._f``): a store and a sharded store's index."""

    @property
    def fingerprint(self) -> dict:
        return json.loads(self._f.attrs["fingerprint"])

    @property
    def layers(self) -> list:
        return [_parse_site(x) for x in json.loads(self._f.attrs["layers"])]

    @property
    def position(self) -> str:
        return str(self._f.attrs["position"])

    @property
    def dtype(self) -> str:
        return str(self._f.attrs["dtype"])

    @property
    def d_model(self) -> int:
        return int(self._f.attrs["d_model"])

    @property
    def n_rows(self) -> int:
        return int(self._f.attrs["n_rows"])

    @property
    def n_examples(self) -> int:
        return int(self._f.attrs["n_examples"])

    @property
    def attrs(self) -> dict:
        return {k: (v.item() if hasattr(v, "item") else v) for k, v in self._f.attrs.items()}


class ActivationStore(_StoreAttrs):
    """An HDF5 activation store. Use :meth:`create_or_open` to write and :meth:`open` to read."""

    def __init__(self, path: Path, handle, mode: str):
        self.path = Path(path)
        self._f = handle
        self.mode = mode

    # ---- opening ---------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path) -> "ActivationStore":
        """Open a store read-only."""
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"No activation store at {path}")
        h5py = _h5py()
        try:
            handle = h5py.File(path, "r")
        except BlockingIOError as err:  # HDF5's file lock: another process has it open for writing
            raise StoreError(f"{path} is open for writing in another process (a capture still running?); "
                             f"read it when that process has finished") from err
        except OSError as err:
            raise StoreError(f"{path} is not a readable HDF5 file (truncated or corrupt?): {err}") from err
        from .distributed import MANIFEST_FORMAT, ShardedActivationStore
        if handle.attrs.get("format") == MANIFEST_FORMAT:  # the shards of a data-parallel capture, as one
            handle.close()
            return ShardedActivationStore.open(path)
        store = cls(path, handle, "r")
        try:
            store._validate()
        except BaseException:
            handle.close()
            raise
        return store

    @classmethod
    def create_or_open(cls, path: str | Path, *, fingerprint: dict, layers: Sequence, position: str,
                       d_model: int, dtype: str = "float16", metadata: dict | None = None) -> "ActivationStore":
        """Open ``path`` for appending, creating it if it does not exist.

        An existing store must have been written for the same model fingerprint, layers, position rule
        and dtype; otherwise a :class:`StoreError` says which differs and the file is not touched.
        """
        path = Path(path)
        layer_names = [_site_name(x) for x in layers]
        if dtype not in ("float16", "float32"):
            raise StoreError(f"dtype must be 'float16' or 'float32', got {dtype!r}")
        if path.exists():
            with cls.open(path) as existing:  # read-only validation first: a bad file is never opened 'a'
                if not isinstance(existing, cls):
                    raise StoreError(f"{path} is a sharded store's manifest; capture_to_store appends to "
                                     f"its shards")
                problems = []
                fp = existing.fingerprint
                for key in ("architecture", "d_model", "n_layers", "weights_sha256"):
                    if fp.get(key) != fingerprint.get(key):
                        problems.append(f"model {key} {fp.get(key)!r} != {fingerprint.get(key)!r}")
                if existing.d_model != d_model:
                    problems.append(f"d_model {existing.d_model} != {d_model}")
                if [_site_name(x) for x in existing.layers] != layer_names:
                    problems.append(f"layers {existing.layers} != {list(layers)}")
                if existing.position != position:
                    problems.append(f"position rule {existing.position!r} != {position!r}")
                if existing.dtype != dtype:
                    problems.append(f"dtype {existing.dtype!r} != {dtype!r}")
            if problems:
                raise StoreError(f"Cannot append to {path}: it was written " + "; ".join(problems)
                                 + ". Use another file for this capture.")
            handle = _h5py().File(path, "a")
            store = cls(path, handle, "a")
            store._truncate_uncommitted()
            return store
        return cls._create(path, fingerprint, layer_names, position, d_model, dtype, metadata or {})

    @classmethod
    def _create(cls, path, fingerprint, layer_names, position, d_model, dtype, metadata):
        from . import __version__
        h5py = _h5py()
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = h5py.File(path, "w-")
        try:
            s = h5py.string_dtype()
            chunk_rows = max(1, min(1024, (1 << 20) // (d_model * np.dtype(dtype).itemsize)))
            grp = handle.create_group("layers")
            for name in layer_names:
                grp.create_dataset(name, shape=(0, d_model), maxshape=(None, d_model), dtype=dtype,
                                   chunks=(chunk_rows, d_model), compression="lzf")
            for name, dt in (("row_example", "int64"), ("row_position", "int64")):
                handle.create_dataset(name, shape=(0,), maxshape=(None,), dtype=dt, chunks=(4096,))
            ex = handle.create_group("examples")
            for name, dt in (("id", s), ("split", s), ("group", s), ("level", s), ("label", "int8"),
                             ("hard", "bool")):
                ex.create_dataset(name, shape=(0,), maxshape=(None,), dtype=dt, chunks=(1024,))
            attrs = handle.attrs
            attrs["format"] = FORMAT
            attrs["fingerprint"] = json.dumps(fingerprint, sort_keys=True)
            attrs["layers"] = json.dumps(layer_names)
            attrs["position"] = position
            attrs["dtype"] = dtype
            attrs["d_model"] = d_model
            attrs["package_version"] = __version__
            attrs["created"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            attrs["metadata"] = json.dumps(metadata, sort_keys=True, default=str)
            attrs["n_examples"] = 0
            attrs["n_rows"] = 0
            handle.flush()
        except BaseException:
            handle.close()
            path.unlink(missing_ok=True)
            raise
        return cls(path, handle, "a")

    def _validate(self) -> None:
        f = self._f
        if f.attrs.get("format") != FORMAT:
            raise StoreError(f"{self.path} is not a reasonwatch activation store "
                             f"(format attribute {f.attrs.get('format')!r}, expected {FORMAT!r})")
        try:
            n_rows, n_ex = int(f.attrs["n_rows"]), int(f.attrs["n_examples"])
            for name in self.layers:
                ds = f["layers"][_site_name(name)]
                if ds.shape[0] < n_rows or ds.shape[1] != self.d_model:
                    raise StoreError(f"{self.path}: layer {name} holds {ds.shape}, expected at least "
                                     f"({n_rows}, {self.d_model})")
            for name in ("id", "label", "split", "group", "level", "hard"):
                if f["examples"][name].shape[0] < n_ex:
                    raise StoreError(f"{self.path}: examples/{name} is shorter than {n_ex} examples")
        except KeyError as err:
            raise StoreError(f"{self.path} is missing part of the store layout: {err}") from err

    def _truncate_uncommitted(self) -> None:
        n_rows, n_ex = self.n_rows, self.n_examples
        for name in self.layers:
            self._f["layers"][_site_name(name)].resize(n_rows, axis=0)
        for name in ("row_example", "row_position"):
            self._f[name].resize(n_rows, axis=0)
        for ds in self._f["examples"].values():
            ds.resize(n_ex, axis=0)

    # ---- writing ---------------------------------------------------------------------------------
    def append(self, acts: dict, *, row_example: np.ndarray, row_position: np.ndarray,
               examples: Sequence[dict]) -> None:
        """Append one batch and commit it.

        Args:
            acts: ``{site: array[n_new_rows, d_model]}`` for every layer of the store.
            row_example: ``[n_new_rows]`` index of each row's example *within this batch's* ``examples``.
            row_position: ``[n_new_rows]`` token position, -1 for pooled rows.
            examples: dicts with ``id`` and optionally ``label``, ``split``, ``group``, ``level``, ``hard``.
        """
        if self.mode == "r":
            raise StoreError(f"{self.path} is open read-only")
        n_new = len(row_example)
        missing = [x for x in self.layers if x not in acts and _site_name(x) not in acts]
        if missing:
            raise StoreError(f"append to {self.path} lacks layers {missing}")
        r0, e0 = self.n_rows, self.n_examples
        for name in self.layers:
            arr = np.asarray(acts[name] if name in acts else acts[_site_name(name)])
            if arr.shape != (n_new, self.d_model):
                raise StoreError(f"layer {name}: got shape {arr.shape}, expected ({n_new}, {self.d_model})")
            ds = self._f["layers"][_site_name(name)]
            ds.resize(r0 + n_new, axis=0)
            ds[r0:] = arr
        for name, arr in (("row_example", np.asarray(row_example) + e0), ("row_position", row_position)):
            ds = self._f[name]
            ds.resize(r0 + n_new, axis=0)
            ds[r0:] = arr
        ex = self._f["examples"]
        cols = {
            "id": [str(e["id"]) for e in examples],
            "label": [int(e.get("label", -1) if e.get("label") is not None else -1) for e in examples],
            "split": [str(e.get("split") or "") for e in examples],
            "group": [str(e.get("group") or "") for e in examples],
            "level": [str(e.get("level") or "") for e in examples],
            "hard": [bool(e.get("hard", False)) for e in examples],
        }
        for name, values in cols.items():
            ds = ex[name]
            ds.resize(e0 + len(examples), axis=0)
            ds[e0:] = values
        # Commit only after the data is in: a crash before this line leaves the batch uncommitted.
        self._f.flush()
        self._f.attrs["n_rows"] = r0 + n_new
        self._f.attrs["n_examples"] = e0 + len(examples)
        self._f.flush()

    @property
    def ids(self) -> np.ndarray:
        return self.example_column("id")

    @property
    def labels(self) -> np.ndarray:
        return self._f["examples"]["label"][: self.n_examples]

    def example_column(self, name: str) -> np.ndarray:
        """``id``, ``label``, ``split``, ``group``, ``level`` or ``hard`` for every stored example."""
        data = self._f["examples"][name][: self.n_examples]
        if data.dtype.kind == "O":
            return np.array([x.decode() if isinstance(x, bytes) else x for x in data])
        return data

    @property
    def row_example(self) -> np.ndarray:
        return self._f["row_example"][: self.n_rows]

    @property
    def row_position(self) -> np.ndarray:
        return self._f["row_position"][: self.n_rows]

    # ---- reading ---------------------------------------------------------------------------------
    def _dataset(self, layer):
        name = _site_name(layer)
        if name not in self._f["layers"]:
            raise StoreError(f"{self.path} holds layers {self.layers}, not {layer!r}")
        return self._f["layers"][name]

    def read(self, layer, rows: slice | np.ndarray | None = None, *, as_torch: bool = False,
             dtype=np.float32) -> Any:
        """Activations of one layer, ``[n_rows, d_model]`` (or the selected rows), as numpy or torch."""
        ds = self._dataset(layer)
        if rows is None:
            rows = slice(0, self.n_rows)
        elif isinstance(rows, slice):
            start, stop, step = rows.indices(self.n_rows)
            rows = slice(start, stop, step)
        else:
            rows = np.asarray(rows)
            order = np.argsort(rows)
            data = np.empty((len(rows), self.d_model), dtype=ds.dtype)
            if len(rows):
                if rows.max() >= self.n_rows:
                    raise StoreError(f"row {rows.max()} is past the {self.n_rows} rows of {self.path}")
                data[order] = ds[rows[order]]
            arr = data.astype(dtype, copy=False)
            return _torch(arr) if as_torch else arr
        arr = ds[rows].astype(dtype, copy=False)
        return _torch(arr) if as_torch else arr

    def iter_rows(self, layer, batch_rows: int = 8192, *, dtype=np.float32) -> Iterator[tuple[slice, np.ndarray]]:
        """Yield ``(row_slice, activations)`` in pieces, for stores larger than memory."""
        for start in range(0, self.n_rows, batch_rows):
            sl = slice(start, min(start + batch_rows, self.n_rows))
            yield sl, self.read(layer, sl, dtype=dtype)

    # ---- housekeeping ----------------------------------------------------------------------------
    def close(self) -> None:
        if self._f is not None and self._f.id.valid:
            self._f.close()

    def __enter__(self) -> "ActivationStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return (f"ActivationStore({str(self.path)!r}, examples={self.n_examples}, rows={self.n_rows}, "
                f"layers={self.layers}, position={self.position!r}, dtype={self.dtype})")


def _torch(arr: np.ndarray):
    import torch
    return torch.from_numpy(np.ascontiguousarray(arr))
