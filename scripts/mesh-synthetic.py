#!/usr/bin/env python3
"""Writes a synthetic mesh for benchmarking `mesh check`: N services in layers of 50, each calling about 5 services of
the next layers, every resource kind (DestinationRule, VirtualService, PeerAuthentication, Sidecar, AuthorizationPolicy)
in its own folder with a kustomization.yaml, as the MeshAttributes build lays them out.

usage: scripts/mesh-synthetic.py <services> <output folder>"""
import os
import random
import sys

LAYER = 50


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(11)
    names = [f"svc-{i:05d}" for i in range(count)]
    callers = {n: [] for n in names}
    deps = {}
    for i, name in enumerate(names):
        first = (i // LAYER + 1) * LAYER
        pool = names[first:first + 3 * LAYER]
        deps[name] = sorted(rng.sample(pool, min(5, len(pool))))
        for d in deps[name]:
            callers[d].append(name)
    for i, name in enumerate(names):
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        files = {
            "destinationrule.yaml": f"""apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: {name}
  namespace: default
spec:
  host: {name}
  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: 100
        connectTimeout: 5s
      http:
        http1MaxPendingRequests: 50
        maxRetries: 3
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 10s
      baseEjectionTime: 30s
      maxEjectionPercent: 50
    loadBalancer:
      simple: LEAST_REQUEST
    tls:
      mode: ISTIO_MUTUAL
""",
            "virtualservice.yaml": f"""apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: {name}
  namespace: default
spec:
  hosts:
    - {name}
  http:
    - name: post-api-orders
      match:
        - method:
            exact: POST
          uri:
            exact: /api/orders
      route:
        - destination:
            host: {name}
      retries:
        attempts: 1
        perTryTimeout: 1s
        retryOn: connect-failure,refused-stream,reset-before-request
      timeout: 3s
    - name: default
      route:
        - destination:
            host: {name}
      retries:
        attempts: {1 + i % 2}
        perTryTimeout: 1s
        retryOn: 5xx,connect-failure
      timeout: 5s
""",
            "peerauthentication.yaml": f"""apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: {name}
  namespace: default
  annotations:
    meshattributes.io/service-account: {name}
spec:
  selector:
    matchLabels:
      app: {name}
  mtls:
    mode: STRICT
""",
        }
        if deps[name]:
            hosts = "".join(f"        - default/{d}.default.svc.cluster.local\n" for d in deps[name])
            files["sidecar.yaml"] = f"""apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: {name}
  namespace: default
  annotations:
    meshattributes.io/service-account: {name}
    meshattributes.io/in-app-retries: "{deps[name][0]}=1"
spec:
  workloadSelector:
    labels:
      app: {name}
  egress:
    - hosts:
{hosts}        - istio-system/*
"""
        if callers[name]:
            principals = "".join(f"                - cluster.local/ns/default/sa/{c}\n" for c in sorted(callers[name]))
            files["authorizationpolicy.yaml"] = f"""apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: {name}
  namespace: default
  annotations:
    meshattributes.io/service-account: {name}
spec:
  selector:
    matchLabels:
      app: {name}
  action: ALLOW
  rules:
    - from:
        - source:
            principals:
{principals}"""
        files["kustomization.yaml"] = "resources:\n" + "".join(f"  - {f}\n" for f in sorted(files))
        for file, text in files.items():
            with open(os.path.join(folder, file), "w", newline="\n") as f:
                f.write(text)


if __name__ == "__main__":
    main()
