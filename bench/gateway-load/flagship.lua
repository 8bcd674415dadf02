-- wrk script: POSTs the body prepared by ./run (the contract's OfficialsOnControls with first: 20) and counts the
-- answers that are not a clean 200 with data and no errors (partial answers included). DOSSIER_BENCH_FRESH=1 asks
-- for fresh answers (Cache-Control: no-cache), so that every request is executed. DOSSIER_BENCH_GZIP=1 accepts gzip,
-- as browsers do; the gateway compresses only whole answers without errors, so an answer not gzipped counts as bad.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(os.getenv("DOSSIER_BENCH_BODY"), "r"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
  if os.getenv("DOSSIER_BENCH_FRESH") == "1" then
    -- every answer computed afresh, as if the gateway kept none (the answer cache passed by)
    wrk.headers["Cache-Control"] = "no-cache"
  end
  gzip = os.getenv("DOSSIER_BENCH_GZIP") == "1"
  if gzip then
    wrk.headers["Accept-Encoding"] = "gzip"
  end
  bad = 0
end

function response(status, headers, body)
  if gzip then
    local encoding = headers["content-encoding"] or headers["Content-Encoding"]
    if status ~= 200 or encoding ~= "gzip" then
      bad = bad + 1
    end
  elseif status ~= 200 or string.find(body, '"errors"', 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("bad")
  end
  io.write(string.format("answers with errors or not 200: %d of %d\n", total, summary.requests))
end
