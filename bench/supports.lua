-- wrk script: supports of logged-in participants (see benches/proposals.rs). COOKIES names a file of session
-- cookies, one a line; PROPOSALS a file of open proposal ids, one a line. Request r of a thread is participant
-- r mod n supporting the next proposal of that participant's own walk, so that a pair repeats (and is refused as
-- already supported) only after n × proposals requests.
local cookies, proposals = {}, {}
local counter, r = 0, 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  for line in io.lines(os.getenv("COOKIES")) do cookies[#cookies + 1] = line end
  for line in io.lines(os.getenv("PROPOSALS")) do proposals[#proposals + 1] = line end
  r = id * 1000003
end

function request()
  r = r + 1
  local n = #cookies
  local user = r % n
  local proposal = proposals[(math.floor(r / n) + user * 97) % #proposals + 1]
  return wrk.format("POST", "/api/v1/proposals/" .. proposal .. "/support", { ["Cookie"] = cookies[user + 1] }, "")
end
