-- wrk script: votes of many device-cookie participants on one consultation (see benches/consultations.rs).
-- FIRST_STATEMENT and STATEMENTS name the statements; each thread draws 5,000 participants of its own.
local first = tonumber(os.getenv("FIRST_STATEMENT"))
local count = tonumber(os.getenv("STATEMENTS"))
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local choices = { "agree", "disagree", "pass" }
local tokens = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(os.time() * 100 + id)
  for i = 1, 5000 do
    local t = {}
    for k = 1, 43 do
      local n = math.random(1, 64)
      t[k] = alphabet:sub(n, n)
    end
    tokens[i] = table.concat(t)
  end
end

function request()
  local token = tokens[math.random(1, #tokens)]
  local body = string.format('{"statement":%d,"vote":"%s"}', first + math.random(0, count - 1), choices[math.random(1, 3)])
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Cookie"] = "birlik_device=" .. token }, body)
end
