// Dossier's own deployment rules, checked on rendered objects. Each rule returns the list of what breaks it, as
// sentences an operator can act on; an empty list means the rule holds.
import { channels, requiredEnvironment, services, topicsInUse } from "./project.mjs";

const ofKind = (docs, kind) => docs.filter((d) => d.kind === kind);
const named = (docs, kind, name) => docs.find((d) => d.kind === kind && d.metadata.name === name);
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const workloads = (docs) => docs.filter((d) => ["Deployment", "StatefulSet", "DaemonSet"].includes(d.kind));

/** Every container: all three probes, CPU and memory requests and limits, non-root and a read-only root filesystem. */
export function containerRules(docs) {
  const problems = [];
  for (const workload of workloads(docs)) {
    const pod = workload.spec.template.spec;
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
      const where = `${workload.kind} ${workload.metadata.name}, container ${c.name}`;
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        if (!c[probe] && !(pod.initContainers ?? []).includes(c)) problems.push(`${where}: no ${probe}`);
      }
      for (const side of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) {
          if (!c.resources?.[side]?.[resource]) problems.push(`${where}: no ${resource} ${side.replace(/s$/, "")}`);
        }
      }
      const nonRoot = c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
      if (nonRoot !== true) problems.push(`${where}: runAsNonRoot is not true`);
      const user = c.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
      if (user === 0) problems.push(`${where}: runs as user 0`);
      if (c.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${where}: root filesystem is writable`);
      if (c.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${where}: privilege escalation allowed`);
      if (!(c.securityContext?.capabilities?.drop ?? []).includes("ALL")) problems.push(`${where}: capabilities not dropped`);
      const tag = c.image.includes("@") ? "digest" : c.image.split("/").pop().split(":")[1];
      if (!tag || tag === "latest") problems.push(`${where}: image ${c.image} has no fixed tag`);
    }
  }
  return problems;
}

/** Every topic the services use exists as a KafkaTopic of an existing Kafka, with replicas the brokers can hold. */
export function topicRules(docs) {
  const problems = [];
  const topics = ofKind(docs, "KafkaTopic");
  const brokers = new Map();
  for (const pool of ofKind(docs, "KafkaNodePool")) {
    if (!pool.spec.roles.includes("broker")) continue;
    const cluster = pool.metadata.labels?.["strimzi.io/cluster"];
    brokers.set(cluster, (brokers.get(cluster) ?? 0) + pool.spec.replicas);
  }
  for (const name of topicsInUse()) {
    if (!topics.some((t) => (t.spec.topicName ?? t.metadata.name) === name)) problems.push(`topic ${name} is used but has no KafkaTopic`);
  }
  for (const topic of topics) {
    const name = topic.spec.topicName ?? topic.metadata.name;
    const cluster = topic.metadata.labels?.["strimzi.io/cluster"];
    if (!named(docs, "Kafka", cluster)) {
      problems.push(`KafkaTopic ${name}: no Kafka named ${cluster}`);
      continue;
    }
    const replicas = topic.spec.replicas;
    const minInsync = Number(topic.spec.config?.["min.insync.replicas"] ?? 1);
    if (replicas > (brokers.get(cluster) ?? 0)) problems.push(`KafkaTopic ${name}: ${replicas} replicas on ${brokers.get(cluster) ?? 0} brokers`);
    if (minInsync > replicas) problems.push(`KafkaTopic ${name}: min.insync.replicas ${minInsync} above its ${replicas} replicas`);
    if (replicas > 1 && minInsync >= replicas) problems.push(`KafkaTopic ${name}: losing one broker would stop writes (min.insync.replicas ${minInsync} of ${replicas})`);
  }
  return problems;
}

function environment(docs, container) {
  const values = new Map();
  for (const source of container.envFrom ?? []) {
    const map = source.configMapRef && named(docs, "ConfigMap", source.configMapRef.name);
    for (const [k, v] of Object.entries(map?.data ?? {})) values.set(k, { value: v });
  }
  for (const variable of container.env ?? []) values.set(variable.name, variable);
  return values;
}

/**
 * The service's containers, one per Deployment of its pods (label app.kubernetes.io/name): a service may run in
 * several roles from the same image (entity-service: analysis workers and read API). {where} names the Deployment.
 */
const serviceContainers = (docs, service) => ofKind(docs, "Deployment")
    .filter((d) => d.spec.template.metadata.labels?.["app.kubernetes.io/name"] === service)
    .map((d) => ({ where: d.metadata.name, container: d.spec.template.spec.containers.find((c) => c.name === service) }))
    .filter((d) => d.container);

/**
 * Each service gets every variable its prod profile reads, from a ConfigMap that exists or a Secret reference;
 * secrets themselves are never part of the repository.
 */
export function environmentRules(docs) {
  const problems = [];
  for (const service of services) {
    const deployments = serviceContainers(docs, service);
    if (!deployments.length) problems.push(`no Deployment for ${service}`);
    for (const { where, container } of deployments) {
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef && !named(docs, "ConfigMap", source.configMapRef.name)) problems.push(`${where}: ConfigMap ${source.configMapRef.name} does not exist`);
    }
    const env = environment(docs, container);
    for (const variable of requiredEnvironment(service)) {
      if (!env.has(variable)) problems.push(`${where}: ${variable} is read in prod but not set`);
    }
    }
  }
  for (const secret of ofKind(docs, "Secret")) problems.push(`Secret ${secret.metadata.name} is in the repository; secrets are created by the operator`);
  return problems;
}

/** Each service's database exists on the cluster, owned by the role whose password secret the service is given. */
export function databaseRules(docs) {
  const problems = [];
  const cluster = ofKind(docs, "Cluster")[0];
  for (const service of services) for (const { where, container } of serviceContainers(docs, service)) {
    const env = environment(docs, container);
    const url = env.get("DOSSIER_DB_URL")?.value;
    if (!url) continue;
    const match = url.match(/^jdbc:postgresql:\/\/([^:/]+)(?::\d+)?\/([^?]+)/);
    if (!match) {
      problems.push(`${where}: DOSSIER_DB_URL ${url} is not a PostgreSQL JDBC URL`);
      continue;
    }
    const [, host, database] = match;
    if (!cluster || !host.startsWith(`${cluster.metadata.name}-r`)) problems.push(`${where}: database host ${host} is not a service of the CloudNativePG cluster`);
    const db = ofKind(docs, "Database").find((d) => d.spec.name === database);
    if (!db) {
      problems.push(`${where}: database ${database} is not declared`);
      continue;
    }
    const role = cluster?.spec.managed?.roles?.find((r) => r.name === db.spec.owner);
    const secret = env.get("DOSSIER_DB_USER")?.valueFrom?.secretKeyRef?.name;
    if (!role) problems.push(`${where}: owner ${db.spec.owner} of database ${database} is not a managed role`);
    else if (role.passwordSecret?.name !== secret) problems.push(`${where}: gets secret ${secret}, but role ${role.name} takes its password from ${role.passwordSecret?.name}`);
    if (env.get("DOSSIER_DB_PASSWORD")?.valueFrom?.secretKeyRef?.name !== secret) problems.push(`${where}: user and password come from different secrets`);
  }
  return problems;
}

/** Services select pods that exist and ports those pods name; Ingresses, autoscalers and budgets point at real things. */
export function wiringRules(docs) {
  const problems = [];
  const pods = workloads(docs).map((w) => ({ labels: w.spec.template.metadata.labels, ports: w.spec.template.spec.containers.flatMap((c) => c.ports ?? []) }));
  for (const service of ofKind(docs, "Service")) {
    const selected = pods.filter((p) => matches(service.spec.selector, p.labels));
    if (!selected.length) problems.push(`Service ${service.metadata.name} selects no pods`);
    for (const port of service.spec.ports) {
      const target = port.targetPort ?? port.port;
      if (selected.some((p) => !p.ports.some((cp) => cp.name === target || cp.containerPort === target))) problems.push(`Service ${service.metadata.name}: port ${target} is not a container port`);
    }
  }
  for (const ingress of ofKind(docs, "Ingress")) {
    for (const path of ingress.spec.rules.flatMap((r) => r.http.paths)) {
      const backend = path.backend.service;
      const service = named(docs, "Service", backend.name);
      if (!service) problems.push(`Ingress ${ingress.metadata.name}: no Service ${backend.name}`);
      else if (!service.spec.ports.some((p) => p.name === backend.port.name || p.port === backend.port.number)) problems.push(`Ingress ${ingress.metadata.name}: Service ${backend.name} has no port ${backend.port.name ?? backend.port.number}`);
    }
  }
  for (const hpa of ofKind(docs, "HorizontalPodAutoscaler")) {
    if (!named(docs, hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name)) problems.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: no ${hpa.spec.scaleTargetRef.kind} ${hpa.spec.scaleTargetRef.name}`);
  }
  for (const pdb of ofKind(docs, "PodDisruptionBudget")) {
    if (!pods.some((p) => matches(pdb.spec.selector.matchLabels, p.labels))) problems.push(`PodDisruptionBudget ${pdb.metadata.name} selects no pods`);
  }
  return problems;
}

/** Which pods accept traffic from outside the namespace's services: through the ingress controller's namespace. */
export function podsReachableFromIngress(docs) {
  const reachable = new Set();
  for (const policy of ofKind(docs, "NetworkPolicy")) {
    const fromIngress = (policy.spec.ingress ?? []).some((rule) => (rule.from ?? []).some((peer) =>
        peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "ingress-nginx"));
    if (!fromIngress) continue;
    for (const w of workloads(docs)) {
      if (matches(policy.spec.podSelector.matchLabels, w.spec.template.metadata.labels)) reachable.add(w.metadata.name);
    }
  }
  return [...reachable].sort();
}

/** Nothing is reachable unless a policy opens it. */
export function defaultDenyRules(docs) {
  const denyAll = ofKind(docs, "NetworkPolicy").some((p) => Object.keys(p.spec.podSelector).length === 0
      && p.spec.policyTypes.includes("Ingress") && !(p.spec.ingress ?? []).length);
  return denyAll ? [] : ["no NetworkPolicy closes the namespace to incoming traffic by default"];
}

/**
 * Production: every service runs at least twice, scales automatically and keeps a disruption budget; a consumer
 * group never scales beyond the partitions it reads (an extra consumer would sit idle).
 */
export function productionRules(docs) {
  const problems = [];
  const partitions = new Map(ofKind(docs, "KafkaTopic").map((t) => [t.spec.topicName ?? t.metadata.name, t.spec.partitions]));
  for (const deployment of ofKind(docs, "Deployment")) {
    const name = deployment.metadata.name;
    const hpa = ofKind(docs, "HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.name === name);
    if ((deployment.spec.replicas ?? 1) < 2) problems.push(`Deployment ${name}: fewer than 2 replicas`);
    if (!hpa) problems.push(`Deployment ${name}: no HorizontalPodAutoscaler`);
    if (!ofKind(docs, "PodDisruptionBudget").some((p) => matches(p.spec.selector.matchLabels, deployment.spec.template.metadata.labels))) problems.push(`Deployment ${name}: no PodDisruptionBudget`);
    if (!deployment.spec.template.spec.affinity?.podAntiAffinity) problems.push(`Deployment ${name}: no pod anti-affinity`);
    if (!deployment.spec.template.spec.topologySpreadConstraints?.length) problems.push(`Deployment ${name}: no topology spread`);
    const service = deployment.spec.template.metadata.labels?.["app.kubernetes.io/name"];
    if (!hpa || !services.includes(service)) continue;
    for (const channel of channels(service)) {
      // A group per instance (the gateway's live feed) reads every partition in every pod: no ceiling.
      if (channel.direction !== "incoming" || !channel.group || channel.group.includes("${")) continue;
      const count = partitions.get(channel.topic);
      if (count !== undefined && hpa.spec.maxReplicas > count) problems.push(`${name}: scales to ${hpa.spec.maxReplicas} but ${channel.topic} has ${count} partitions`);
    }
  }
  if (ofKind(docs, "KafkaNodePool").reduce((n, p) => n + (p.spec.roles.includes("broker") ? p.spec.replicas : 0), 0) < 3) problems.push("fewer than 3 Kafka brokers");
  if ((ofKind(docs, "Cluster")[0]?.spec.instances ?? 0) < 3) problems.push("fewer than 3 PostgreSQL instances");
  return problems;
}
