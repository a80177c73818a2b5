"""`parley ingest --dask ADDRESS` against a local Dask cluster of two worker processes."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from parley import parallel
from parley.model import Article, Extraction
from parley.store import Store

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as c:
        yield c


def _model_loads(address: str) -> dict[str, int]:
    """How many times each worker process has loaded the spaCy model."""

    def loads() -> int:
        from parley import nlp

        return nlp.load.cache_info().misses

    with distributed.Client(address, set_as_default=False) as client:
        return client.run(loads)


def test_dask_ingest_stores_and_reports_like_one_process(cli, bad_batch, tmp_path, cluster) -> None:
    one, on_dask = tmp_path / "one.db", tmp_path / "dask.db"
    sequential = cli("ingest", bad_batch.folder, "--db", one)
    result = cli("ingest", bad_batch.folder, "--db", on_dask, "--dask", cluster.scheduler_address)
    assert result.exit_code == sequential.exit_code == 1
    lines = sorted(ln for ln in result.stderr.splitlines() if ln.startswith("error: "))
    assert lines == sorted(ln for ln in sequential.stderr.splitlines() if ln.startswith("error: "))
    assert "2 new" in result.stderr and "4 failed" in result.stderr
    with Store.open(str(one)) as s1, Store.open(str(on_dask)) as s2:
        assert s2.article_ids() == s1.article_ids() == sorted(bad_batch.good_ids)
        assert list(s2.iter_extractions()) == list(s1.iter_extractions())

    # Run again: both articles are skipped before extraction.
    again = cli("ingest", bad_batch.folder, "--db", on_dask, "--dask", cluster.scheduler_address)
    assert "0 new" in again.stderr and "2 skipped" in again.stderr


def test_each_dask_worker_loads_the_model_once(news, cluster) -> None:
    # Six chunks of one article for two workers: each worker runs several, loading the model once.
    articles = [Article(id=f"t{i}", text=f"{news.turkey} Round {i} was announced.") for i in range(6)]
    out = list(parallel.extract(articles, dask=cluster.scheduler_address, chunk_size=1))
    assert sorted(x.article.id for x in out if isinstance(x, Extraction)) == [a.id for a in articles]
    loads = _model_loads(cluster.scheduler_address)
    assert len(loads) == 2 and all(n <= 1 for n in loads.values()), loads
