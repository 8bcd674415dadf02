// What the services themselves say they need from a deployment, read from their configuration: the Kafka topics
// they use (and as which consumer group), and the environment variables their prod profile cannot start without.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { projectDir } from "./render.mjs";

export const services = ["article-service", "entity-service", "timeline-service", "gateway"];

const sharedDefaults = "platform/messaging/src/main/resources/META-INF/microprofile-config.properties";

function properties(path) {
  const entries = [];
  for (const raw of readFileSync(join(projectDir, path), "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    entries.push({ key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() });
  }
  return entries;
}

function configOf(service) {
  const own = properties(`${service}/src/main/resources/application.properties`);
  const usesMessagingDefaults = readFileSync(join(projectDir, service, "pom.xml"), "utf8")
      .includes("<artifactId>dossier-messaging</artifactId>");
  return usesMessagingDefaults ? [...properties(sharedDefaults), ...own] : own;
}

/** Environment variables (without a default) that a service reads in its prod profile. */
export function requiredEnvironment(service) {
  const required = new Set();
  for (const { key, value } of configOf(service)) {
    if (key.startsWith("%") && !key.startsWith("%prod.")) continue;
    for (const match of value.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)) required.add(match[1]);
  }
  return [...required];
}

/** Channels of a service: topic, and for incoming ones the consumer group and dead-letter topic. */
export function channels(service) {
  const byChannel = new Map();
  for (const { key, value } of configOf(service)) {
    const match = key.match(/^mp\.messaging\.(incoming|outgoing)\.([^.]+)\.(.+)$/);
    if (!match) continue;
    const [, direction, name, attribute] = match;
    if (!byChannel.has(name)) byChannel.set(name, { service, direction, name });
    const channel = byChannel.get(name);
    if (attribute === "topic") channel.topic = value;
    if (attribute === "group.id") channel.group = value;
    if (attribute === "dead-letter-queue.topic") channel.deadLetterTopic = value;
  }
  return [...byChannel.values()];
}

/** Every topic the system uses: the design's topics (events module) and every topic a channel names. */
export function topicsInUse() {
  const topics = new Set();
  const source = readFileSync(join(projectDir, "events/src/main/java/org/dossier/events/Topics.java"), "utf8");
  for (const match of source.matchAll(/static final String \w+ = "([^"]+)"/g)) topics.add(match[1]);
  for (const service of services) {
    for (const channel of channels(service)) {
      if (channel.topic) topics.add(channel.topic);
      if (channel.deadLetterTopic) topics.add(channel.deadLetterTopic);
    }
  }
  return [...topics].sort();
}

export function exists(path) {
  return existsSync(join(projectDir, path));
}
