"""The rendered manifests say what the service and the platform need, in every overlay."""

from __future__ import annotations

import base64
import re
import tomllib
from typing import Any

import pytest

from service.db.budget import connections_per_replica
from service.settings import ENV_PREFIX, Settings
from tests.deploy.conftest import Manifest, base_name, find, one
from tests.deploy.docker import stages
from tests.deploy.tooling import ROOT

OVERLAYS = ["base", "production", "dev"]
SECRET = "growth-atlas-secrets"
# Settings the service runs without (Redis only backs shared counters): their key may be absent.
OPTIONAL_SECRET_SETTINGS = {"GROWTH_ATLAS_REDIS_URL"}
SECRET_ENV = {
    "GROWTH_ATLAS_DATABASE_URL": "database-url",
    "GROWTH_ATLAS_CURSOR_SECRET": "cursor-secret",
    "GROWTH_ATLAS_REDIS_URL": "redis-url",
}
POSTGRES_MAX_CONNECTIONS = 100  # the server default; the budget below must fit under it


def _drain_seconds() -> int:
    """uvicorn's graceful shutdown, as `growth-atlas serve` configures it."""
    source = (ROOT / "service" / "cli.py").read_text(encoding="utf-8")
    return int(re.search(r"timeout_graceful_shutdown=(\d+)", source).group(1))  # type: ignore[union-attr]


def _image_user() -> tuple[int, int]:
    uid, gid = stages()[-1].one("USER").arguments.split(":")
    return int(uid), int(gid)


def _pod(doc: Manifest) -> dict[str, Any]:
    spec: dict[str, Any] = doc["spec"]["template"]["spec"]
    return spec


def _containers(doc: Manifest) -> list[dict[str, Any]]:
    pod = _pod(doc)
    return [*pod.get("initContainers", []), *pod["containers"]]


def _workloads(documents: list[Manifest]) -> list[Manifest]:
    return [doc for doc in documents if doc["kind"] in {"Deployment", "Job"}]


def _app_workloads(documents: list[Manifest]) -> list[Manifest]:
    return [
        one(documents, "Deployment", "growth-atlas"),
        one(documents, "Job", "growth-atlas-migrate"),
    ]


@pytest.fixture(params=OVERLAYS)
def documents(
    request: pytest.FixtureRequest, rendered: dict[str, list[Manifest]]
) -> list[Manifest]:
    docs: list[Manifest] = rendered[request.param]
    return docs


@pytest.fixture
def deployment(documents: list[Manifest]) -> Manifest:
    return one(documents, "Deployment", "growth-atlas")


@pytest.fixture
def api(deployment: Manifest) -> dict[str, Any]:
    container: dict[str, Any]
    (container,) = _pod(deployment)["containers"]
    return container


def test_rollout_never_drops_below_the_wanted_replicas(deployment: Manifest) -> None:
    rolling = deployment["spec"]["strategy"]
    assert rolling["type"] == "RollingUpdate"
    assert rolling["rollingUpdate"] == {"maxUnavailable": 0, "maxSurge": 1}


def test_production_runs_three_replicas(rendered: dict[str, list[Manifest]]) -> None:
    for name in ("base", "production"):
        assert one(rendered[name], "Deployment", "growth-atlas")["spec"]["replicas"] == 3


def test_probes_use_the_health_endpoints(api: dict[str, Any]) -> None:
    assert api["startupProbe"]["httpGet"]["path"] == "/health/live"
    assert api["livenessProbe"]["httpGet"]["path"] == "/health/live"
    assert api["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        assert api[probe]["httpGet"]["port"] == "http"
    # /health/ready waits 2 s for the database: the probe must wait longer to see its 503.
    assert api["readinessProbe"]["timeoutSeconds"] > 2


def test_the_container_runs_the_image_command(api: dict[str, Any]) -> None:
    final = stages()[-1]
    assert "command" not in api, "the image's ENTRYPOINT stays PID 1"
    assert api["args"] == final.one("CMD").exec_form
    assert api["ports"] == [{"name": "http", "containerPort": 8000, "protocol": "TCP"}]


def test_termination_outlasts_the_pre_stop_sleep_and_the_drain(deployment: Manifest) -> None:
    (container,) = _pod(deployment)["containers"]
    command = container["lifecycle"]["preStop"]["exec"]["command"]
    assert command[:-1] == ["/bin/sleep"]
    sleep = int(command[-1])
    assert sleep >= 5, "long enough for endpoint removal to reach kube-proxy and load balancers"
    grace = _pod(deployment)["terminationGracePeriodSeconds"]
    assert grace > sleep + _drain_seconds()


def test_workloads_are_hardened(documents: list[Manifest]) -> None:
    for workload in _workloads(documents):
        pod = _pod(workload)
        assert pod["automountServiceAccountToken"] is False
        assert pod["enableServiceLinks"] is False
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
        for container in _containers(workload):
            context = container["securityContext"]
            assert context["runAsNonRoot"] is True
            assert context["readOnlyRootFilesystem"] is True
            assert context["allowPrivilegeEscalation"] is False
            assert context["capabilities"] == {"drop": ["ALL"]}
            assert context["seccompProfile"] == {"type": "RuntimeDefault"}
            assert context["runAsUser"] >= 10000
            resources = container["resources"]
            assert set(resources["requests"]) == set(resources["limits"]) == {"cpu", "memory"}
            assert container["imagePullPolicy"] in {"Always", "IfNotPresent"}
            assert re.search(r":[\w][\w.-]*$", container["image"]), "pinned by tag"
            assert not container["image"].endswith(":latest")


def test_the_service_runs_as_the_image_user_with_a_writable_tmp(documents: list[Manifest]) -> None:
    uid, gid = _image_user()
    for workload in _app_workloads(documents):
        pod = _pod(workload)
        assert (pod["securityContext"]["runAsUser"], pod["securityContext"]["runAsGroup"]) == (
            uid,
            gid,
        )
        volumes = {volume["name"]: volume for volume in pod["volumes"]}
        for container in _containers(workload):
            assert container["securityContext"]["runAsUser"] == uid
            (tmp,) = [m for m in container["volumeMounts"] if m["mountPath"] == "/tmp"]
            assert "emptyDir" in volumes[tmp["name"]]


def test_the_migration_job_migrates_then_seeds_with_the_same_image(
    documents: list[Manifest],
) -> None:
    deployment = one(documents, "Deployment", "growth-atlas")
    job = one(documents, "Job", "growth-atlas-migrate")
    pod = _pod(job)
    assert pod["restartPolicy"] == "Never"
    assert [c["args"] for c in pod["initContainers"]] == [["migrate"]]
    assert [c["args"] for c in pod["containers"]] == [["seed"]]
    (api,) = _pod(deployment)["containers"]
    for container in _containers(job):
        assert container["image"] == api["image"]
        assert container["securityContext"] == api["securityContext"]
    assert pod["securityContext"] == _pod(deployment)["securityContext"]
    assert job["spec"]["backoffLimit"] >= 1
    assert job["spec"]["activeDeadlineSeconds"] > 0
    # The Job's pods are never counted as API pods (Service, PDB, HPA, rollout).
    selector = deployment["spec"]["selector"]["matchLabels"]
    labels = job["spec"]["template"]["metadata"]["labels"]
    assert not selector.items() <= labels.items()


def test_secrets_come_only_from_the_named_secret(documents: list[Manifest]) -> None:
    for workload in _app_workloads(documents):
        for container in _containers(workload):
            for variable in container.get("env", []):
                reference = variable.get("valueFrom", {}).get("secretKeyRef")
                if variable["name"] in SECRET_ENV:
                    assert reference is not None, f"{variable['name']} must come from the Secret"
                    assert reference["name"].startswith(SECRET)
                    assert reference["key"] == SECRET_ENV[variable["name"]]
                assert "value" not in variable or not variable["name"].startswith(ENV_PREFIX)
    api = {
        v["name"]
        for v in _pod(one(documents, "Deployment", "growth-atlas"))["containers"][0]["env"]
    }
    assert api == set(SECRET_ENV)


def test_no_secret_is_committed_outside_the_dev_overlay(
    rendered: dict[str, list[Manifest]],
) -> None:
    assert not find(rendered["base"], "Secret")
    assert not find(rendered["production"], "Secret")
    (secret,) = find(rendered["dev"], "Secret", SECRET)
    assert secret["metadata"]["labels"]["growth-atlas/credentials"] == "dev-only"
    assert "dev-only" in secret["metadata"]["annotations"]["growth-atlas/warning"]


def test_every_injected_setting_is_one_the_service_accepts(
    rendered: dict[str, list[Manifest]],
) -> None:
    # An unknown GROWTH_ATLAS_* variable stops the process at start (forbid_unknown_fields).
    known = {ENV_PREFIX + field.upper() for field in Settings.__struct_fields__}
    for documents in rendered.values():
        for config in find(documents, "ConfigMap", "growth-atlas-config"):
            assert set(config["data"]) <= known, set(config["data"]) - known
            Settings.from_env(config["data"])  # every value parses
        (api,) = _pod(one(documents, "Deployment", "growth-atlas"))["containers"]
        for variable in api["env"]:
            reference = variable["valueFrom"]["secretKeyRef"]
            assert variable["name"] in known, f"{variable['name']} would stop the pod"
            # Only settings the service can run without may be missing from the Secret.
            optional = variable["name"] in OPTIONAL_SECRET_SETTINGS
            assert bool(reference.get("optional")) is optional, variable["name"]


def test_the_service_selects_the_api_pods(documents: list[Manifest], deployment: Manifest) -> None:
    service = one(documents, "Service", "growth-atlas")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    assert service["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]
    assert [port["targetPort"] for port in service["spec"]["ports"]] == ["http"]


def test_autoscaling_and_disruption_budget(documents: list[Manifest], deployment: Manifest) -> None:
    hpa = one(documents, "HorizontalPodAutoscaler", "growth-atlas")
    assert hpa["apiVersion"] == "autoscaling/v2"
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "growth-atlas",
    }
    (metric,) = hpa["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"
    assert 1 <= hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
    pdb = one(documents, "PodDisruptionBudget", "growth-atlas")
    assert pdb["spec"]["selector"] == deployment["spec"]["selector"]
    assert pdb["spec"]["maxUnavailable"] == 1


def test_the_connection_budget_fits_postgres(documents: list[Manifest]) -> None:
    (config,) = find(documents, "ConfigMap", "growth-atlas-config")
    settings = Settings.from_env(config["data"])
    hpa = one(documents, "HorizontalPodAutoscaler", "growth-atlas")
    per_pod = connections_per_replica(settings)
    # Every API pod with every pool at full overflow, plus the migration Job's one connection.
    assert hpa["spec"]["maxReplicas"] * per_pod + 1 < POSTGRES_MAX_CONNECTIONS


def test_network_policies_cover_every_pod(documents: list[Manifest]) -> None:
    policies = find(documents, "NetworkPolicy")
    for workload in _workloads(documents):
        labels = workload["spec"]["template"]["metadata"]["labels"]
        selecting = [
            p for p in policies if p["spec"]["podSelector"]["matchLabels"].items() <= labels.items()
        ]
        assert selecting, f"no NetworkPolicy selects {workload['metadata']['name']}"
        for policy in selecting:
            assert sorted(policy["spec"]["policyTypes"]) == ["Egress", "Ingress"]


def _ports(rules: list[dict[str, Any]]) -> set[tuple[int, str]]:
    return {(port["port"], port["protocol"]) for rule in rules for port in rule["ports"]}


def test_the_api_accepts_only_8000_and_reaches_only_its_backends(documents: list[Manifest]) -> None:
    policy = one(documents, "NetworkPolicy", "growth-atlas-api")
    assert _ports(policy["spec"]["ingress"]) == {(8000, "TCP")}
    assert _ports(policy["spec"]["egress"]) == {
        (5432, "TCP"),
        (6379, "TCP"),
        (53, "UDP"),
        (53, "TCP"),
    }
    job = one(documents, "NetworkPolicy", "growth-atlas-migrate")
    assert "ingress" not in job["spec"]
    assert _ports(job["spec"]["egress"]) == {(5432, "TCP"), (53, "UDP"), (53, "TCP")}


def test_everything_lives_in_one_restricted_namespace(documents: list[Manifest]) -> None:
    (namespace,) = find(documents, "Namespace")
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"
    name = namespace["metadata"]["name"]
    for doc in documents:
        if doc["kind"] != "Namespace":
            assert doc["metadata"]["namespace"] == name, doc["metadata"]["name"]


def test_the_service_account_mounts_no_token(documents: list[Manifest]) -> None:
    account = one(documents, "ServiceAccount", "growth-atlas")
    assert account["automountServiceAccountToken"] is False
    for workload in _app_workloads(documents):
        assert _pod(workload)["serviceAccountName"] == "growth-atlas"


def test_production_ships_the_project_version(rendered: dict[str, list[Manifest]]) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for workload in _app_workloads(rendered["production"]):
        for container in _containers(workload):
            assert container["image"] == f"registry.example.com/growth-atlas:{project['version']}"
            assert container["imagePullPolicy"] == "Always"


def test_dev_runs_its_own_hardened_postgres_and_redis(rendered: dict[str, list[Manifest]]) -> None:
    documents = rendered["dev"]
    for name, port in (("postgres", 5432), ("redis", 6379)):
        one(documents, "Deployment", name)
        service = one(documents, "Service", name)
        assert [p["port"] for p in service["spec"]["ports"]] == [port]
        policy = one(documents, "NetworkPolicy", name)
        assert _ports(policy["spec"]["ingress"]) == {(port, "TCP")}
        assert "egress" not in policy["spec"], "the backends reach nothing"
    secret = one(documents, "Secret", SECRET)
    assert "@postgres:5432/" in _decoded(secret, "database-url")


def _decoded(secret: Manifest, key: str) -> str:
    return base64.b64decode(secret["data"][key]).decode()


def test_the_two_step_apply_of_the_readme_splits_on_the_component(
    documents: list[Manifest],
) -> None:
    # Step 1, `kubectl apply -k ... -l 'app.kubernetes.io/component!=api'`, must bring everything
    # the migration Job needs; step 2 adds the API.
    split: dict[bool, set[tuple[str, str]]] = {True: set(), False: set()}
    for doc in documents:
        is_api = doc["metadata"]["labels"]["app.kubernetes.io/component"] == "api"
        split[is_api].add((doc["kind"], base_name(doc)))
    (namespace,) = find(documents, "Namespace")
    assert {
        ("Namespace", namespace["metadata"]["name"]),
        ("ServiceAccount", "growth-atlas"),
        ("ConfigMap", "growth-atlas-config"),
        ("NetworkPolicy", "growth-atlas-migrate"),
        ("Job", "growth-atlas-migrate"),
    } <= split[False]
    assert split[True] == {
        ("Deployment", "growth-atlas"),
        ("Service", "growth-atlas"),
        ("HorizontalPodAutoscaler", "growth-atlas"),
        ("PodDisruptionBudget", "growth-atlas"),
        ("NetworkPolicy", "growth-atlas-api"),
    }
