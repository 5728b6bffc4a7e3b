# SPDX-License-Identifier: MIT
"""Threads evaluating different assessments at the same time do not interfere."""

import io
import threading

import isomm

THREADS = 8
ROUNDS = 2_000


def test_threads_evaluate_different_assessments():
    roles = isomm.default_model().roles
    failures = []

    def work(seed):
        a = isomm.Assessment(id=f"t{seed}", target_pattern="hybrid")
        for role in roles:
            a.set(role.code, "insource" if (role.index + seed) % 2 else "outsource", (role.index * seed) % 6)
        reference = a.evaluate().to_dict()
        for _ in range(ROUNDS):
            if a.evaluate().to_dict() != reference:
                failures.append(seed)
                return
        expected_a = [(role.index * seed) % 6 for role in roles[:6] if (role.index * seed) % 6]
        expected = sum(expected_a) / len(expected_a) if expected_a else None
        if reference["functions"][0]["maturity"] != expected:
            failures.append(seed)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(1, THREADS + 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_threads_read_and_evaluate_csv(data_dir):
    data = (data_dir / "example-1.csv").read_bytes()
    reference = isomm.read_csv(io.BytesIO(data))[0].evaluate().to_dict()
    failures = []

    def work():
        for _ in range(200):
            (a,) = isomm.read_csv(io.BytesIO(data))
            if a.evaluate().to_dict() != reference:
                failures.append(a.id)
                return

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
