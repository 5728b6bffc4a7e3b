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


def test_one_aggregate_shared_by_16_threads_loses_nothing(data_dir, tmp_path):
    """Issue 11 item 5: add_csv reads without the GIL; the aggregate's lock keeps every update."""
    files = []
    for i in range(16):
        path = tmp_path / f"part{i}.csv"
        assessments = []
        for k in range(2):
            a = isomm.Assessment(id=f"p{i}-{k}")
            for role in isomm.default_model().roles[(i + k) % 7::3]:
                a.set(role.code, "insource" if (role.index + i) % 2 else "outsource", (role.index + i + k) % 6)
            assessments.append(a)
        isomm.write_csv(path, assessments)
        files.append(path)
    rounds = 1000
    serial = isomm.Aggregate()
    for _ in range(rounds):
        for path in files:
            serial.add_csv(path)
    shared = isomm.Aggregate()
    barrier = threading.Barrier(16)
    added = []

    def work(path):
        barrier.wait()
        for _ in range(rounds):
            added.append(shared.add_csv(path))

    threads = [threading.Thread(target=work, args=(path,)) for path in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(added) == len(shared) == 16 * 2 * rounds
    assert shared == serial
    assert shared.functions == serial.functions and shared.roles == serial.roles


def test_every_aggregate_method_waits_for_its_lock(data_dir):
    """The deterministic half of the stress test: while one thread holds an aggregate's lock,
    no other thread's add, add_csv, merge or render of it gets through."""
    ag = isomm.Aggregate()
    other = isomm.aggregate(isomm.read_csv(data_dir / "example-1.csv"))
    calls = [lambda: ag.add_csv(data_dir / "example-1.csv"), lambda: ag.add(isomm.Assessment()),
             lambda: ag.merge(other), lambda: ag.render("json"), lambda: ag.roles, lambda: len(ag)]
    for call in calls:
        done = threading.Event()
        ag._lock.acquire()
        t = threading.Thread(target=lambda: (call(), done.set()))
        t.start()
        assert not done.wait(0.2)
        ag._lock.release()
        assert done.wait(10)
        t.join()
    assert len(ag) == 3


def test_changing_an_assessment_while_threads_evaluate_it():
    """Each result keeps the answers it was computed from, however the assessment changes meanwhile."""
    a = isomm.Assessment(id="shared")
    for role in isomm.default_model().function("A").roles:
        a.set(role, "insource", 3)
    stop = threading.Event()
    bad = []

    def writer():
        level = 1
        while not stop.is_set():
            a.set("A-1", "insource", level)
            level = 6 - level  # 1, 5, 1, …

    def reader():
        for _ in range(3000):
            r = a.evaluate()
            kept = r.assessment["A-1"].level
            if r.functions[0].maturity != (kept + 15) / 6 or r.to_dict("en")["roles"][0]["level"] != kept:
                bad.append((kept, r.functions[0].maturity))
                return

    threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads[1:]:
        t.join()
    stop.set()
    threads[0].join()
    assert bad == []
