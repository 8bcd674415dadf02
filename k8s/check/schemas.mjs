// Schema validation of rendered objects, offline: the JSON Schemas of Kubernetes and of the operators' custom
// resources, as compiled validators in the kubernetes-models packages.
import * as core from "kubernetes-models/v1";
import * as apps from "kubernetes-models/apps/v1";
import * as autoscaling from "kubernetes-models/autoscaling/v2";
import * as networking from "kubernetes-models/networking.k8s.io/v1";
import * as policy from "kubernetes-models/policy/v1";
import * as strimzi from "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1";
import * as cnpg from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1";
import * as prometheus from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";

const models = new Map();
for (const group of [core, apps, autoscaling, networking, policy, strimzi, cnpg, prometheus]) {
  for (const model of Object.values(group)) {
    if (typeof model === "function" && model.apiVersion && model.kind) {
      models.set(`${model.apiVersion}/${model.kind}`, model);
    }
  }
}

/** Problems with one object: schema violations, then fields the schema does not know (a typo the API server refuses). */
export function schemaProblems(object) {
  const model = models.get(`${object.apiVersion}/${object.kind}`);
  if (!model) {
    return [`no schema for ${object.apiVersion} ${object.kind}`];
  }
  const { error, unknown } = validateTracked(model, object);
  return [...(error ? [error] : []), ...unknown.map((path) => `unknown field ${path}`)];
}

// The compiled validators read every property their schema declares (present or not) and enumerate the keys of
// free-form maps. Watching those reads finds the keys no schema declares: the JSON Schemas allow additional
// properties, but the API server's strict field validation does not.
function validateTracked(model, object) {
  const reads = new Map();
  const track = (target) => {
    if (!reads.has(target)) reads.set(target, { names: new Set(), enumerated: false });
    return reads.get(target);
  };
  const watch = (value) => {
    if (value === null || typeof value !== "object") return value;
    return new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === "string") track(target).names.add(key);
        return watch(Reflect.get(target, key, receiver));
      },
      has(target, key) {
        if (typeof key === "string") track(target).names.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        track(target).enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
  };
  let error = null;
  try {
    model.prototype.validate.call(watch(object));
  } catch (e) {
    error = e.message;
  }
  const unknown = [];
  const walk = (value, path) => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}/${i}`));
      return;
    }
    const seen = reads.get(value);
    // An object whose validator read named properties but never listed its keys has a closed set of fields.
    const declared = seen && !seen.enumerated && seen.names.size > 0;
    for (const key of Object.keys(value)) {
      if (declared && !seen.names.has(key)) unknown.push(`${path}/${key}`);
      walk(value[key], `${path}/${key}`);
    }
  };
  walk(object, "");
  return { error, unknown };
}
