// The k8s/ overlays, rendered and checked as an API server and our own operators' rules would check them.
// Run with `npm test` here, or by `./mvnw verify` (module k8s).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { renderOverlay, renderWithComponents } from "./render.mjs";
import { schemaProblems } from "./schemas.mjs";
import {
  containerRules, databaseRules, defaultDenyRules, environmentRules, podsReachableFromIngress, productionRules,
  topicRules, wiringRules,
} from "./rules.mjs";

const overlays = {
  dev: () => renderOverlay("dev"),
  prod: () => renderOverlay("prod"),
  "prod+partner-ingest": () => renderWithComponents("prod", "dossier", ["partner-ingest"]),
};

for (const [name, renderIt] of Object.entries(overlays)) {
  describe(`overlay ${name}`, () => {
    const docs = renderIt();

    test("every object is valid against its schema, with no unknown fields", () => {
      const problems = docs.flatMap((d) => schemaProblems(d).map((p) => `${d.kind} ${d.metadata.name}: ${p}`));
      assert.deepEqual(problems, []);
    });

    test("every object lands in the overlay's namespace", () => {
      const namespace = docs.find((d) => d.kind === "Namespace").metadata.name;
      assert.deepEqual(docs.filter((d) => d.kind !== "Namespace" && d.metadata.namespace !== namespace)
          .map((d) => `${d.kind} ${d.metadata.name}`), []);
    });

    test("every container has probes, requests, limits and a non-root, read-only securityContext", () => {
      assert.deepEqual(containerRules(docs), []);
    });

    test("every topic the services use is a KafkaTopic the brokers can hold", () => {
      assert.deepEqual(topicRules(docs), []);
    });

    test("every service gets the settings and secrets its prod profile reads", () => {
      assert.deepEqual(environmentRules(docs), []);
      assert.deepEqual(databaseRules(docs), []);
    });

    test("services, ingresses, autoscalers and budgets point at things that exist", () => {
      assert.deepEqual(wiringRules(docs), []);
    });

    test("only the gateway is reachable from outside, unless partner ingest is added", () => {
      assert.deepEqual(defaultDenyRules(docs), []);
      const expected = name.includes("partner-ingest") ? ["article-service", "gateway"] : ["gateway"];
      assert.deepEqual(podsReachableFromIngress(docs), expected);
      const exposed = docs.filter((d) => d.kind === "Ingress").flatMap((i) => i.spec.rules.flatMap((r) => r.http.paths.map((p) => p.backend.service.name)));
      assert.deepEqual([...new Set(exposed)].sort(), expected);
    });

    if (name.startsWith("prod")) {
      test("production: replicas, autoscaling within partitions, budgets, spreading, 3 brokers, 3 databases", () => {
        assert.deepEqual(productionRules(docs), []);
      });
    } else {
      test("development: one replica of everything", () => {
        const counts = docs.filter((d) => ["Deployment", "KafkaNodePool"].includes(d.kind)).map((d) => d.spec.replicas);
        counts.push(docs.find((d) => d.kind === "Cluster").spec.instances);
        assert.deepEqual([...new Set(counts)], [1]);
      });
    }
  });
}

// The checks above can fail: each breaks on the mistake it exists to catch.
describe("the checks catch mistakes", () => {
  const fresh = () => renderOverlay("prod");
  const deployment = (docs, name) => docs.find((d) => d.kind === "Deployment" && d.metadata.name === name);

  test("a misspelt field and a wrong type", () => {
    const docs = fresh();
    const container = deployment(docs, "gateway").spec.template.spec.containers[0];
    container.imagePullPolcy = "Always";
    assert.deepEqual(schemaProblems(deployment(docs, "gateway")), ["unknown field /spec/template/spec/containers/0/imagePullPolcy"]);
    const topic = docs.find((d) => d.kind === "KafkaTopic");
    topic.spec.partitions = "12";
    assert.match(schemaProblems(topic).join(), /partitions must be integer/);
  });

  test("a free-form map is not mistaken for unknown fields", () => {
    const docs = fresh();
    const kafka = docs.find((d) => d.kind === "Kafka");
    kafka.spec.kafka.config["log.retention.hours"] = 48;
    assert.deepEqual(schemaProblems(kafka), []);
  });

  test("a missing probe, a writable root filesystem, a floating tag", () => {
    const docs = fresh();
    const container = deployment(docs, "entity-service").spec.template.spec.containers[0];
    delete container.readinessProbe;
    container.securityContext.readOnlyRootFilesystem = false;
    container.image = "dossier/entity-service:latest";
    assert.deepEqual(containerRules(docs), [
      "Deployment entity-service, container entity-service: no readinessProbe",
      "Deployment entity-service, container entity-service: root filesystem is writable",
      "Deployment entity-service, container entity-service: image dossier/entity-service:latest has no fixed tag",
    ]);
  });

  test("a topic without a KafkaTopic, and one with more replicas than brokers", () => {
    const docs = fresh().filter((d) => !(d.kind === "KafkaTopic" && d.spec.topicName === "article.events.dlq"));
    docs.find((d) => d.kind === "KafkaTopic" && d.spec.topicName === "timeline.events").spec.replicas = 4;
    assert.deepEqual(topicRules(docs), [
      "topic article.events.dlq is used but has no KafkaTopic",
      "KafkaTopic timeline.events: 4 replicas on 3 brokers",
    ]);
  });

  test("a service missing a setting, a database without its role's secret", () => {
    const docs = fresh();
    const config = docs.find((d) => d.kind === "ConfigMap" && d.metadata.name.startsWith("gateway-config"));
    delete config.data.DOSSIER_ENTITY_SERVICE_URL;
    deployment(docs, "timeline-service").spec.template.spec.containers[0].env
        .forEach((e) => { e.valueFrom.secretKeyRef.name = "dossier-db-article-service"; });
    assert.deepEqual(environmentRules(docs), ["gateway: DOSSIER_ENTITY_SERVICE_URL is read in prod but not set"]);
    assert.deepEqual(databaseRules(docs), ["timeline-service: gets secret dossier-db-article-service, but role timeline_service takes its password from dossier-db-timeline-service"]);
  });

  test("an autoscaler beyond the partitions, a service opened to the ingress controller", () => {
    const docs = fresh();
    docs.find((d) => d.kind === "HorizontalPodAutoscaler" && d.metadata.name === "entity-service").spec.maxReplicas = 20;
    assert.deepEqual(productionRules(docs), ["entity-service: scales to 20 but article.events has 12 partitions"]);
    docs.find((d) => d.kind === "NetworkPolicy" && d.metadata.name === "internal-services").spec.ingress[0].from
        .push({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } });
    docs.find((d) => d.kind === "NetworkPolicy" && d.metadata.name === "internal-services").spec.podSelector = { matchLabels: { "app.kubernetes.io/name": "entity-service" } };
    // Both Deployments of entity-service (read API and analysis workers) run its pods.
    assert.deepEqual(podsReachableFromIngress(docs), ["entity-read-api", "entity-service", "gateway"]);
  });
});
