# frozen_string_literal: true

require 'json'
require 'fileutils'

# Events in memory, each batch's new events appended to a log fsynced before the batch is acknowledged. One
# mutex makes "the first stored event with an id wins" hold across concurrent batches.
class EventStore
  def initialize(dir)
    FileUtils.mkdir_p(dir)
    path = File.join(dir, 'events.log')
    @lock = Mutex.new
    @by_id = {}
    if File.exist?(path)
      File.foreach(path) do |line|
        add(JSON.parse(line))
      rescue JSON::ParserError
        break # a line cut short by a crash was never acknowledged
      end
    end
    @log = File.open(path, 'a')
  end

  def insert_new(events)
    @lock.synchronize do
      fresh = events.select { |e| add(e) }
      unless fresh.empty?
        @log.write(fresh.map { |e| "#{e.to_json}\n" }.join)
        @log.flush
        @log.fsync
      end
      fresh.size
    end
  end

  def get(id) = @lock.synchronize { @by_id[id] }

  # [start_ms, type, count, sum] per UTC-aligned window and type, for from <= ts < to.
  def aggregate(window_ms, from, to, type)
    @lock.synchronize do
      buckets = Hash.new { |h, k| h[k] = [0, 0] }
      @by_id.each_value do |e|
        next if e['ts'] < from || e['ts'] >= to || (type && e['type'] != type)

        bucket = buckets[[e['ts'] - (e['ts'] % window_ms), e['type']]]
        bucket[0] += 1
        bucket[1] += e['value'] || 0
      end
      buckets.sort.map { |(start, t), (count, sum)| [start, t, count, sum] }
    end
  end

  private

  def add(event)
    return false if @by_id.key?(event['id'])

    @by_id[event['id']] = event
    true
  end
end
