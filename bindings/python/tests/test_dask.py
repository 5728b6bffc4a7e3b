# SPDX-License-Identifier: MIT
"""Partial aggregates on a Dask cluster of two worker processes equal the serial aggregate (issue 14 item 7).

The same code runs on a real cluster: pass the scheduler's address to Client instead of a
LocalCluster (docs/python.md)."""

import functools

import distributed

import isomm


def aggregate_file(path):
    """One partition: the aggregate of one CSV file (built in a worker, pickled back)."""
    part = isomm.Aggregate()
    part.add_csv(path)
    return part


def merge(a, b):
    return a.merge(b)


def write_partitions(directory, count):
    roles = isomm.default_model().roles
    paths = []
    for p in range(count):
        items = []
        for k in range(3):
            a = isomm.Assessment(id=f"p{p}-{k}", assessor=f"assessor {k}")
            for role in roles:
                if (role.index + p + k) % 5:
                    a.set(role.code, "insource" if (role.index * 7 + p) % 3 else "outsource", (role.index + p * k) % 6)
            items.append(a)
        path = directory / f"part-{p:02d}.csv"
        isomm.write_csv(path, items)
        paths.append(str(path))
    return paths


def test_aggregate_40_partitions_on_a_local_cluster(tmp_path):
    paths = write_partitions(tmp_path, 40)
    serial = isomm.Aggregate()
    for path in paths:
        serial.add_csv(path)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        parts = client.map(aggregate_file, paths)
        total = client.submit(functools.reduce, merge, parts).result(timeout=120)
        assert len(client.scheduler_info()["workers"]) == 2
    assert len(total) == len(serial) == 120
    assert total == serial
    assert total.roles == serial.roles and total.functions == serial.functions
    assert total.render("json", "en") == serial.render("json", "en")
