"""Past one machine: data-parallel capture, scoring and training under ``torch.distributed``, and watching
a model that accelerate spread over several devices.

reasonwatch brings no scheduler of its own. Launch the same script or command on every rank with
``torchrun`` or ``accelerate launch`` (one node or many); the entry points notice the launcher's
environment (``WORLD_SIZE``, ``RANK``, ``LOCAL_RANK``) and split their work. One process without a
launcher runs exactly as before.

Lifecycle of a data-parallel :func:`~reasonwatch.capture.capture_to_store` over ``N`` ranks:

1. Every rank reads the same example list and tokenizes all of it, sorts it by length and cuts it into
   batches exactly as one process would (:func:`shard_plan`), and deals the batches out so that every
   rank gets a near-equal number of padded tokens. Same batches as one process, so the rows are
   bit-identical to a single process's.
2. Each rank appends its batches to its own shard, ``<path>.shards/rank-0000r-of-0000N.h5``, an ordinary
   resumable :class:`~reasonwatch.store.ActivationStore`. Before writing, every rank reads the ids in
   *every* shard of that folder (of any world size) and skips them: a relaunch after a crash resumes
   where each rank stopped, even with another number of ranks. While a rank writes, ``SIGTERM`` (what a
   launcher sends the surviving ranks when one dies) stops it between two HDF5 writes, so its shard is
   closed cleanly.
3. Barrier; rank 0 writes ``<path>`` itself: a *manifest* (HDF5, format :data:`MANIFEST_FORMAT`) naming
   the shards and, for every example in the original input order, the shard and rows that hold it. It
   is written to a temporary file and renamed, so a reader sees the old manifest or the new one.
4. Barrier; every rank opens ``<path>`` with :meth:`ActivationStore.open
   <reasonwatch.store.ActivationStore.open>`, which returns a :class:`ShardedActivationStore`: the same
   read API, examples in input order, rows read from the shards on demand (out of core).

Scoring (:func:`~reasonwatch.scoring.score_texts`) and the teacher-forced token scores that training
calibrates on shard their inputs the same way (:func:`map_shards`) and return every result, in input
order, on every rank. Training (:func:`~reasonwatch.train.train_bundle`) captures through the sharded
store and fits on every rank from the same rows, so every rank ends with the same bundle; save it on
rank 0. The shards folder must be on a file system every rank can read (the usual shared file system
of a cluster), because rank 0 reads all shards to write the manifest.

Our collectives (barriers, gathering small Python objects) run on a CPU ``gloo`` group of their own with
a long timeout (:data:`TIMEOUT`): a rank that finishes its shard early waits for the others without
tripping the short default timeout of an NCCL group the user may have set up for the model.

A model larger than one device (accelerate's ``device_map``, CPU or disk offload) needs no launcher:
:func:`home_device` is where ``watch()`` keeps its buffers and trend state (the input embedding's
execution device); :func:`site_devices` is where each hooked block computes, so each monitor layer's
probe weights and each steering layer's vectors live there, and scores and gates cross devices as
small device-to-device copies. :func:`onloaded` brings offloaded weights in for the model fingerprint.
accelerate's own hooks (it replaces a module's ``forward`` and keeps ``_hf_hook``) are never touched:
reasonwatch registers and removes only its own PyTorch hooks.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np

from .store import _StoreAttrs

MANIFEST_FORMAT = "reasonwatch-activations-manifest/1"
SHARD_GLOB = "rank-*-of-*.h5"
TIMEOUT = timedelta(hours=12)
"""Timeout of reasonwatch's own collectives: long, because ranks wait at a barrier for the slowest shard."""

_RENDER_CHUNK = 8192   # examples tokenized at a time when planning shards (bounds memory, not results)
_UNCHUNKED_ROWS = 256  # rows read as one unit from a dataset that is not chunked
_READ_SPAN = 1 << 16   # rows: at most this many rows are read in one slice


# ---- the world ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class World:
    """This process's place in a data-parallel run (``size == 1``: a single process)."""
    rank: int = 0
    """Global rank, ``0 .. size - 1``."""
    size: int = 1
    """Number of ranks (``WORLD_SIZE``)."""
    local_rank: int = 0
    """Rank on this node (``LOCAL_RANK``): which GPU this rank uses."""

    @property
    def sharded(self) -> bool:
        return self.size > 1

    @property
    def is_main(self) -> bool:
        return self.rank == 0


_LOCAL = contextvars.ContextVar("reasonwatch_distributed_local", default=False)
_GROUP: dict = {}   # {id(default group): our gloo group}


def current() -> World:
    """The data-parallel world this process is in.

    Inside :func:`local`: a single process. Else, an initialized ``torch.distributed`` default group; else
    a launcher's environment (``WORLD_SIZE > 1``), in which case the default group is initialized here
    (``gloo``, plus ``nccl`` for CUDA tensors when CUDA is available); else a single process.
    """
    if _LOCAL.get():
        return World()
    import torch.distributed as dist
    if not dist.is_available():
        return World()
    if not dist.is_initialized():
        if int(os.environ.get("WORLD_SIZE", "1")) <= 1:
            return World()
        import torch
        dist.init_process_group(backend="cpu:gloo,cuda:nccl" if torch.cuda.is_available() else "gloo",
                                timeout=TIMEOUT)
    return World(dist.get_rank(), dist.get_world_size(), int(os.environ.get("LOCAL_RANK", "0")))


def sharding() -> bool:
    """True where entry points split their work over ranks (a launched run, outside :func:`local`)."""
    return current().sharded


def is_main() -> bool:
    """True on rank 0, or in a single process: the rank that writes shared outputs."""
    return current().is_main


@contextlib.contextmanager
def local() -> Iterator[None]:
    """Within this context every entry point runs as a single process (a rank's own share of the work)."""
    token = _LOCAL.set(True)
    try:
        yield
    finally:
        _LOCAL.reset(token)


def default_device() -> str:
    """``cuda:<LOCAL_RANK>`` for a launched run on a CUDA machine (and make it current), else ``"cpu"``."""
    import torch
    world = current()
    if world.sharded and torch.cuda.is_available():
        torch.cuda.set_device(world.local_rank)
        return f"cuda:{world.local_rank}"
    return "cpu"


def _group():
    import torch.distributed as dist
    key = id(dist.group.WORLD)
    if key not in _GROUP:  # a collective: every rank reaches its first reasonwatch collective together
        _GROUP.clear()
        _GROUP[key] = dist.new_group(backend="gloo", timeout=TIMEOUT)
    return _GROUP[key]


def barrier() -> None:
    """Wait for every rank (no-op in a single process)."""
    if sharding():
        import torch.distributed as dist
        dist.barrier(group=_group())


def gather_objects(obj: Any) -> list:
    """Every rank's ``obj``, indexed by rank, on every rank (``[obj]`` in a single process)."""
    world = current()
    if not world.sharded:
        return [obj]
    import torch.distributed as dist
    out: list = [None] * world.size
    dist.all_gather_object(out, obj, group=_group())
    return out


@contextlib.contextmanager
def _clean_exit_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into ``SystemExit`` (Python runs the handler between two bytecodes, so never inside an
    HDF5 call): ``with`` blocks unwind and the shard is closed. Only in the main thread; restored after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


# ---- splitting work -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ShardPlan:
    """One rank's share of an input list.

    Attributes:
        ids: every input's id, in input order (an input without one gets ``ex-<input position>``).
        indices: ``[n_mine]`` input positions of this rank's inputs, in the order it processes them.
        items: those inputs as dicts, their ids filled in (so a rank's ``ex-<i>`` is the global one).
    """
    ids: list
    indices: np.ndarray
    items: list


def shard_plan(examples: Sequence[Any], world: World | None = None, *, tokenizer=None,
               batch_size: int | None = None, need_response: bool = False,
               render_as: Callable[[list], list] | None = None) -> ShardPlan:
    """Split ``examples`` over the ranks of ``world`` (default: :func:`current`), deterministically.

    With a ``tokenizer`` and ``batch_size``, inputs are cut into the batches one process would make
    (:func:`reasonwatch.capture.iter_capture`, in :func:`~reasonwatch.capture.capture_order`) and the
    batches are dealt out to even the ranks' padded tokens (largest first, each to the least loaded rank);
    a rank keeps its batches in order.
    ``render_as`` maps a list of inputs to what the caller will actually capture (e.g. bare texts framed
    as answers), so lengths are measured on that. Without a tokenizer, rank ``r`` takes inputs
    ``r, r + N, ...``. Ids must be unique: they say which example is which when the shards are merged and
    when a relaunch resumes.
    """
    from .capture import CaptureError, _as_dict, _opens_with, capture_order, chat_opening, render
    world = world or current()
    items = [_as_dict(ex, i) for i, ex in enumerate(examples)]
    ids = [str(x["id"]) for x in items]
    if len(set(ids)) != len(ids):
        seen, repeated = set(), []
        for x in ids:
            if x in seen and x not in repeated:
                repeated.append(x)
            seen.add(x)
        raise CaptureError(f"example ids must be unique to split work over {world.size} ranks and to merge "
                           f"or resume their shards; {len(repeated)} repeat, e.g. {repeated[:3]}")
    n = len(items)
    if tokenizer is not None and batch_size:
        lengths, opens, opening = np.empty(n, dtype=np.int64), np.empty(n, dtype=bool), chat_opening(tokenizer)
        for start in range(0, n, _RENDER_CHUNK):
            try:
                chunk = items[start:start + _RENDER_CHUNK]
                part = render(tokenizer, render_as(chunk) if render_as else chunk, need_response=need_response)
            except CaptureError as err:
                raise CaptureError(f"{err} (example numbers count from input {start})") from None
            lengths[start:start + len(part)] = [len(r.input_ids) for r in part]
            opens[start:start + len(part)] = [_opens_with(r, opening) for r in part]
        order = np.array(capture_order(lengths, opens), dtype=np.int64)   # iter_capture's (stable) order
        batches = [order[i:i + batch_size] for i in range(0, n, batch_size)]
        mine_b = [b for b, r in enumerate(_deal(batches, lengths, world.size)) if r == world.rank]
        # in batch order, so the rank's own (stable) capture order cuts exactly these batches again
        mine = np.concatenate([batches[b] for b in mine_b]) if mine_b else np.zeros(0, dtype=np.int64)
    else:
        mine = np.arange(world.rank, n, world.size)
    return ShardPlan(ids, mine, [items[i] for i in mine])


def _deal(batches: list, lengths: np.ndarray, n_ranks: int) -> list[int]:
    """The rank of each batch: largest first (padded tokens), each to the rank with the least so far."""
    cost = [len(b) * int(lengths[b].max()) for b in batches]
    load = [0] * n_ranks
    rank_of = [0] * len(batches)
    for b in sorted(range(len(batches)), key=lambda b: (-cost[b], b)):
        r = min(range(n_ranks), key=lambda r: (load[r], r))
        rank_of[b] = r
        load[r] += cost[b]
    return rank_of


def map_shards(fn: Callable[[list], list], items: Sequence[Any], *, tokenizer=None,
               batch_size: int | None = None, render_as: Callable[[list], list] | None = None) -> list:
    """``fn`` over this rank's share of ``items`` (run as a single process), every rank's results gathered
    back into input order on every rank. ``fn(part)`` returns one result per input of ``part``, in order.
    ``tokenizer``, ``batch_size`` and ``render_as`` give ``fn`` the batches one process would make
    (:func:`shard_plan`), so its results are bit-identical to a single process's.
    """
    plan = shard_plan(items, tokenizer=tokenizer, batch_size=batch_size, render_as=render_as)
    with local():
        part = list(fn(plan.items)) if plan.items else []
    if len(part) != len(plan.items):
        raise RuntimeError(f"map_shards: fn returned {len(part)} results for {len(plan.items)} inputs")
    out: list = [None] * len(items)
    for indices, results in gather_objects((plan.indices.tolist(), part)):
        for i, r in zip(indices, results):
            out[i] = r
    return out


# ---- sharded capture ------------------------------------------------------------------------------
def shard_dir(path: str | Path) -> Path:
    """The folder holding the shards behind the manifest at ``path``."""
    path = Path(path)
    return path.with_name(path.name + ".shards")


def shard_path(path: str | Path, world: World) -> Path:
    return shard_dir(path) / f"rank-{world.rank:05d}-of-{world.size:05d}.h5"


def is_manifest(path: str | Path) -> bool:
    """True if ``path`` is a sharded store's manifest (False for a plain store, a missing or bad file)."""
    path = Path(path)
    if not path.is_file():
        return False
    import h5py
    try:
        with h5py.File(path, "r") as f:
            return f.attrs.get("format") == MANIFEST_FORMAT
    except OSError:
        return False


def wants_shards(path: str | Path) -> bool:
    """Whether a capture to ``path`` goes through shards: in a launched run, or where ``path`` already is a
    sharded store (a single process then continues it as a world of one)."""
    return sharding() or is_manifest(path) or shard_dir(path).is_dir()


def _compatibility(store, *, fingerprint: dict, layers: list, position: str, dtype: str) -> list[str]:
    problems = []
    fp = store.fingerprint
    for key in ("architecture", "d_model", "n_layers", "weights_sha256"):
        if fp.get(key) != fingerprint.get(key):
            problems.append(f"model {key} {fp.get(key)!r} != {fingerprint.get(key)!r}")
    if [str(x) for x in store.layers] != [str(x) for x in layers]:
        problems.append(f"layers {store.layers} != {list(layers)}")
    if store.position != position:
        problems.append(f"position rule {store.position!r} != {position!r}")
    if store.dtype != dtype:
        problems.append(f"dtype {store.dtype!r} != {dtype!r}")
    return problems


def capture_sharded(model, tokenizer, examples: Sequence[Any], layers: Sequence, path: str | Path, *,
                    position="auto", batch_size: int = 16, dtype: str = "float16",
                    padding_side: str | None = None, progress: bool = True, block_path: str | None = None,
                    metadata: dict | None = None):
    """:func:`~reasonwatch.capture.capture_to_store` over every rank (module docstring); returns the merged
    store, read-only, on every rank. Called by ``capture_to_store`` when :func:`wants_shards`."""
    from .capture import CaptureError, capture_to_store
    from .hooks import resolve_layers
    from .models import fingerprint as model_fingerprint
    from .store import ActivationStore, StoreError

    path = Path(path)
    sites = resolve_layers(model, layers, block_path)   # a bad layer fails on every rank before any work
    if not examples:
        raise CaptureError("no examples to capture: the dataset is empty")
    if path.exists() and not is_manifest(path):
        raise StoreError(f"{path} is a single-process activation store, not a sharded one; resume it "
                         f"without a launcher (and without a {shard_dir(path).name} folder beside it), "
                         f"or capture to another path")
    world = current()
    pos_name = position if isinstance(position, str) else json.dumps(list(position))
    plan = shard_plan(examples, world, tokenizer=tokenizer, batch_size=batch_size,
                      need_response=position in ("response_mean", "response_last", "response"))
    fp = model_fingerprint(model)
    done: set = set()
    for shard in sorted(shard_dir(path).glob(SHARD_GLOB)):   # every shard, of any world size
        with ActivationStore.open(shard) as existing:
            problems = _compatibility(existing, fingerprint=fp, layers=sites, position=pos_name, dtype=dtype)
            if problems:
                raise StoreError(f"Cannot resume {path}: its shard {shard.name} was written "
                                 + "; ".join(problems) + ". Use another path for this capture.")
            done.update(existing.ids.tolist())
    barrier()   # no rank opens its shard for writing while another still reads it
    todo = [x for x in plan.items if str(x["id"]) not in done]
    if todo:
        with local(), _clean_exit_on_sigterm():
            capture_to_store(model, tokenizer, todo, sites, shard_path(path, world), position=position,
                             batch_size=batch_size, dtype=dtype, padding_side=padding_side,
                             progress=progress and world.is_main, block_path=block_path,
                             metadata=metadata).close()
    barrier()
    if world.is_main:
        write_manifest(path, order=plan.ids)
    barrier()
    return ActivationStore.open(path)


def write_manifest(path: str | Path, *, order: Sequence[str] | None = None) -> Path:
    """Write the manifest at ``path`` over every shard in :func:`shard_dir` (atomically).

    Examples come in the order of ``order`` (their ids; the input order in a capture), then any others in
    shard order. Shards must agree on model, layers, position rule and dtype, and hold each id once.
    Use it by hand to merge shards that were copied together from machines without a shared file system.
    """
    import h5py

    from . import __version__
    from .store import ActivationStore, StoreError
    path = Path(path)
    files = sorted(shard_dir(path).glob(SHARD_GLOB))
    if not files:
        raise StoreError(f"no shards ({SHARD_GLOB}) in {shard_dir(path)} to write the manifest {path} from")
    with contextlib.ExitStack() as stack:
        shards = [stack.enter_context(ActivationStore.open(f)) for f in files]
        first = shards[0]
        for f, s in zip(files[1:], shards[1:]):
            problems = _compatibility(s, fingerprint=first.fingerprint, layers=first.layers,
                                      position=first.position, dtype=first.dtype)
            if problems:
                raise StoreError(f"shards {files[0].name} and {f.name} of {path} differ: " + "; ".join(problems))
        ex_shard, ex_local, ex_count, ex_start, ex_ids = [], [], [], [], []
        for k, (f, s) in enumerate(zip(files, shards)):
            rex = s.row_example
            if len(rex) and (np.any(np.diff(rex) < 0) or rex[0] < 0 or rex[-1] >= s.n_examples):
                raise StoreError(f"{f}: rows are not grouped by example; not a store reasonwatch wrote")
            counts = np.bincount(rex, minlength=s.n_examples).astype(np.int64)
            ex_shard.append(np.full(s.n_examples, k, dtype=np.int32))
            ex_local.append(np.arange(s.n_examples, dtype=np.int64))
            ex_count.append(counts)
            ex_start.append(np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64))
            ex_ids.extend(s.ids.tolist())
        ex_shard, ex_local = np.concatenate(ex_shard), np.concatenate(ex_local)
        ex_count, ex_start = np.concatenate(ex_count), np.concatenate(ex_start)
        where = {}
        for j, x in enumerate(ex_ids):
            if x in where:
                a, b = files[ex_shard[where[x]]].name, files[ex_shard[j]].name
                raise StoreError(f"example id {x!r} is in two shards of {path} ({a} and {b})")
            where[x] = j
        rank_of = {x: i for i, x in enumerate(order or [])}
        key = np.array([rank_of.get(x, len(rank_of) + j) for j, x in enumerate(ex_ids)], dtype=np.int64)
        perm = np.argsort(key, kind="stable")
        counts = ex_count[perm]
        n_rows = int(counts.sum())
        row_example = np.repeat(np.arange(len(perm), dtype=np.int64), counts)
        first_row = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        row_local = np.repeat(ex_start[perm], counts) + (np.arange(n_rows) - np.repeat(first_row, counts))
        row_shard = np.repeat(ex_shard[perm], counts)
        root = path.parent.resolve()
        listing = [{"file": os.path.relpath(f.resolve(), root), "n_examples": s.n_examples, "n_rows": s.n_rows}
                   for f, s in zip(files, shards)]
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            with h5py.File(tmp, "w") as out:
                a = out.attrs
                a["format"] = MANIFEST_FORMAT
                for name in ("fingerprint", "layers", "position", "dtype", "d_model", "metadata"):
                    a[name] = first._f.attrs[name]
                a["package_version"] = __version__
                a["created"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
                a["shards"] = json.dumps(listing)
                a["n_examples"] = len(perm)
                a["n_rows"] = n_rows
                for name, arr in (("example_shard", ex_shard[perm]), ("example_local", ex_local[perm]),
                                  ("row_example", row_example), ("row_shard", row_shard),
                                  ("row_local", row_local)):
                    out.create_dataset(name, data=arr)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return path


class ShardedActivationStore(_StoreAttrs):
    """Shards written by the ranks of a data-parallel capture, read as one store, in input order.

    Open it with :meth:`ActivationStore.open <reasonwatch.store.ActivationStore.open>` (or :meth:`open`).
    It answers what a read-only :class:`~reasonwatch.store.ActivationStore` answers (``read``,
    ``iter_rows``, ``ids``, ``labels``, ``example_column``, ``row_example``, ``row_position``, metadata);
    rows are read from the shards on demand. Each shard is read only up to the examples the manifest
    records, so a shard that a later capture is extending still reads the same.
    """

    mode = "r"

    def __init__(self, path: Path, handle, shards: list, listing: list):
        self.path = Path(path)
        self._f = handle
        self._shards = shards
        self._listing = listing
        self._row_index = None

    @classmethod
    def open(cls, path: str | Path) -> "ShardedActivationStore":
        import h5py

        from .store import ActivationStore, StoreError
        path = Path(path)
        try:
            handle = h5py.File(path, "r")
        except OSError as err:
            raise StoreError(f"{path} is not a readable HDF5 file (truncated or corrupt?): {err}") from err
        shards: list = []
        try:
            if handle.attrs.get("format") != MANIFEST_FORMAT:
                raise StoreError(f"{path} is not a sharded store's manifest "
                                 f"(format {handle.attrs.get('format')!r})")
            try:
                listing = json.loads(handle.attrs["shards"])
                for name in ("example_shard", "example_local", "row_example", "row_shard", "row_local"):
                    handle[name]
            except KeyError as err:
                raise StoreError(f"{path} is missing part of the manifest layout: {err}") from err
            for item in listing:
                file = path.parent / item["file"]
                if not file.is_file():
                    raise StoreError(f"{path} lists the shard {file}, which is missing")
                shard = ActivationStore.open(file)
                shards.append(shard)
                if shard.n_examples < item["n_examples"] or shard.n_rows < item["n_rows"]:
                    raise StoreError(f"{file} holds {shard.n_examples} examples and {shard.n_rows} rows, fewer "
                                     f"than the {item['n_examples']} and {item['n_rows']} the manifest {path} "
                                     f"records: it was truncated or replaced")
        except BaseException:
            for s in shards:
                s.close()
            handle.close()
            raise
        return cls(path, handle, shards, listing)

    @property
    def shards(self) -> list[Path]:
        """The shard files, in the manifest's order."""
        return [s.path for s in self._shards]

    # ---- examples ------------------------------------------------------------------------------
    def _gather_examples(self, read: Callable[[Any, int], np.ndarray]) -> np.ndarray:
        parts = [read(s, item["n_examples"]) for s, item in zip(self._shards, self._listing)]
        offsets = np.concatenate([[0], np.cumsum([len(p) for p in parts])[:-1]]).astype(np.int64)
        shard, local_ = self._f["example_shard"][:], self._f["example_local"][:]
        return np.concatenate(parts)[offsets[shard] + local_]

    def example_column(self, name: str) -> np.ndarray:
        """``id``, ``label``, ``split``, ``group``, ``level`` or ``hard`` for every example, in input order."""
        return self._gather_examples(lambda s, n: s.example_column(name)[:n])

    @property
    def ids(self) -> np.ndarray:
        return self.example_column("id")

    @property
    def labels(self) -> np.ndarray:
        return self.example_column("label")

    @property
    def row_example(self) -> np.ndarray:
        return self._f["row_example"][:]

    @property
    def row_position(self) -> np.ndarray:
        shard, local_ = self._rows()
        parts = [s.row_position[: item["n_rows"]] for s, item in zip(self._shards, self._listing)]
        offsets = np.concatenate([[0], np.cumsum([len(p) for p in parts])[:-1]]).astype(np.int64)
        return np.concatenate(parts)[offsets[shard] + local_]

    # ---- reading -------------------------------------------------------------------------------
    def _rows(self, sel: slice | None = None) -> tuple[np.ndarray, np.ndarray]:
        if sel is not None:
            return self._f["row_shard"][sel], self._f["row_local"][sel]
        if self._row_index is None:
            self._row_index = (self._f["row_shard"][:], self._f["row_local"][:])
        return self._row_index

    def read(self, layer, rows: slice | np.ndarray | None = None, *, as_torch: bool = False,
             dtype=np.float32) -> Any:
        """Activations of one layer, ``[n_rows, d_model]`` (or the selected rows), as numpy or torch."""
        from .store import StoreError, _torch
        if str(layer) not in [str(x) for x in self.layers]:
            raise StoreError(f"{self.path} holds layers {self.layers}, not {layer!r}")
        if rows is None:
            rows = slice(0, self.n_rows)
        if isinstance(rows, slice):
            start, stop, step = rows.indices(self.n_rows)
            if step == 1:
                shard, local_ = self._rows(slice(start, max(start, stop)))
            else:
                rows = np.arange(start, stop, step)
        if not isinstance(rows, slice):
            rows = np.asarray(rows, dtype=np.int64)
            if len(rows) and (rows.max() >= self.n_rows or rows.min() < 0):
                raise StoreError(f"row {rows.max() if rows.max() >= self.n_rows else rows.min()} is outside the "
                                 f"{self.n_rows} rows of {self.path}")
            all_shard, all_local = self._rows()
            shard, local_ = all_shard[rows], all_local[rows]
        out = np.empty((len(shard), self.d_model), dtype=dtype)
        for k in np.unique(shard):
            mine = shard == k
            out[mine] = _read_scattered(self._shards[k], layer, local_[mine], dtype)
        return _torch(out) if as_torch else out

    def iter_rows(self, layer, batch_rows: int = 8192, *,
                  dtype=np.float32) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Yield ``(rows, activations)`` in pieces, for stores larger than memory: ``rows`` ``[n]`` are the
        pieces' row numbers in this store (index ``row_example``, ``read`` ... with them). Pieces follow the
        shards' storage order, so a full pass reads every shard once, sequentially; together they hold
        every row once."""
        from .store import StoreError
        if str(layer) not in [str(x) for x in self.layers]:
            raise StoreError(f"{self.path} holds layers {self.layers}, not {layer!r}")
        shard, local_ = self._rows()
        for k, (s, item) in enumerate(zip(self._shards, self._listing)):
            merged = np.empty(item["n_rows"], dtype=np.int64)   # shard row -> row of this store
            mine = np.flatnonzero(shard == k)
            merged[local_[mine]] = mine
            for start in range(0, item["n_rows"], batch_rows):
                stop = min(start + batch_rows, item["n_rows"])
                yield merged[start:stop], s.read(layer, slice(start, stop), dtype=dtype)

    def append(self, *args, **kwargs) -> None:
        from .store import StoreError
        raise StoreError(f"{self.path} is a sharded store's manifest (read-only); capture_to_store to the "
                         f"same path appends to its shards")

    # ---- housekeeping --------------------------------------------------------------------------
    def close(self) -> None:
        for s in self._shards:
            s.close()
        if self._f is not None and self._f.id.valid:
            self._f.close()

    def __enter__(self) -> "ShardedActivationStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return (f"ShardedActivationStore({str(self.path)!r}, shards={len(self._shards)}, "
                f"examples={self.n_examples}, rows={self.n_rows}, layers={self.layers}, "
                f"position={self.position!r}, dtype={self.dtype})")


def _read_scattered(store, layer, rows: np.ndarray, dtype) -> np.ndarray:
    """``store.read(layer, rows)`` for scattered rows, reading each HDF5 chunk they touch once: sorted rows
    are grouped into runs of adjacent chunks, and each run is one slice read (h5py point selections of
    many rows are slow, and a compressed chunk is decompressed whole anyway)."""
    order = np.argsort(rows, kind="stable")
    srt = rows[order]
    out = np.empty((len(rows), store.d_model), dtype=dtype)
    if not len(rows):
        return out
    chunk_rows = (store._dataset(layer).chunks or (_UNCHUNKED_ROWS,))[0]
    chunk = srt // chunk_rows
    cuts = np.flatnonzero(np.diff(chunk) > 1) + 1
    bounds = np.concatenate([[0], cuts, [len(srt)]])
    for a, b in zip(bounds[:-1], bounds[1:]):
        while a < b:   # split a run whose span is too long to hold at once
            end = a + int(np.searchsorted(srt[a:b], srt[a] + _READ_SPAN))
            block = store.read(layer, slice(int(srt[a]), int(srt[end - 1]) + 1), dtype=dtype)
            out[order[a:end]] = block[srt[a:end] - srt[a]]
            a = end
    return out


# ---- a model over several devices ---------------------------------------------------------------------
def execution_device(module) -> "Any | None":
    """Where ``module`` computes: its accelerate hook's execution device if it has one (its weights may sit
    on ``meta`` between calls, offloaded), else its first parameter or buffer not on ``meta``, else the
    same for its submodules in order; ``None`` if nothing says."""
    import torch
    for mod in module.modules():
        hook = getattr(mod, "_hf_hook", None)
        for h in getattr(hook, "hooks", (hook,)):          # accelerate's SequentialHook chains hooks
            dev = getattr(h, "execution_device", None)
            if dev is not None:
                return torch.device("cuda", dev) if isinstance(dev, int) else torch.device(dev)
        for t in (*mod.parameters(recurse=False), *mod.buffers(recurse=False)):
            if t.device.type != "meta":
                return t.device
    return None


def home_device(model) -> "Any":
    """Where ``watch()`` keeps its buffers and trend state: where the input embedding computes (for an
    undispatched model, simply the model's device)."""
    import torch
    hf = getattr(model, "original_model", model)
    dev = None
    if hasattr(hf, "get_input_embeddings"):
        dev = execution_device(hf.get_input_embeddings())
    if dev is None:
        dev = next((p.device for p in hf.parameters() if p.device.type != "meta"), None)
    return dev or torch.device("cpu")


def site_devices(model, sites, block_path: str | None = None) -> dict:
    """``{site: device}``: where each hooked site's activations live (block ``i``: where block ``i``
    computes; ``"embed"``/``"input_ids"``: :func:`home_device`; ``"logits"``: the output head's)."""
    from .hooks import find_blocks, is_bridge
    home = home_device(model)
    if is_bridge(model):
        return {s: home for s in sites}
    _, blocks = find_blocks(model, block_path)
    out = {}
    head = model.get_output_embeddings() if hasattr(model, "get_output_embeddings") else None
    for s in sites:
        if isinstance(s, int):
            out[s] = execution_device(blocks[s]) or home
        elif s == "logits" and head is not None:
            out[s] = execution_device(head) or home
        else:
            out[s] = home
    return out


def place_by_layer(per_layer: dict, devices: dict, *, keep: Sequence[int] = (0,)) -> dict:
    """``{layer: tuple}`` with every tensor of each tuple moved to ``devices[layer]``, except the tuple
    positions in ``keep`` (index tensors that address buffers on the home device)."""
    import torch
    return {layer: tuple(v.to(devices[layer]) if isinstance(v, torch.Tensor) and j not in keep else v
                         for j, v in enumerate(items))
            for layer, items in per_layer.items()}


@contextlib.contextmanager
def onloaded(*modules) -> Iterator[None]:
    """Within this context, weights that accelerate offloaded (``meta`` between calls) are in place on
    their execution device, for ``modules`` and their submodules. A no-op for an undispatched model."""
    mods = [m for root in modules for m in root.modules()]
    if not any(getattr(m, "_hf_hook", None) is not None for m in mods):
        yield
        return
    from accelerate.utils import align_module_device
    with contextlib.ExitStack() as stack:
        for m in mods:
            stack.enter_context(align_module_device(m))
        yield
