# frozen_string_literal: true

require 'json'
require 'fileutils'

# Keys in memory; every change appended to wal.log and fsynced before it is acknowledged. Records are JSON lines
# carrying the key's resulting state, so replaying one twice is harmless: compaction writes the snapshot first and
# empties the log afterwards. One mutex serialises check, append and update, which is what makes compare-and-set
# and versions exact.
class KvStore
  class Conflict < StandardError
    attr_reader :current

    def initialize(current)
      super('version mismatch')
      @current = current
    end
  end

  def initialize(dir, compact_at_bytes: 1024 * 1024)
    FileUtils.mkdir_p(dir)
    @dir = dir
    @compact_at_bytes = compact_at_bytes
    @lock = Mutex.new
    @entries = {} # key -> { 'value' => String, 'version' => Integer }
    snapshot = File.join(dir, 'snapshot.json')
    @entries = JSON.parse(File.read(snapshot))['entries'] if File.exist?(snapshot) # renamed into place: complete
    @wal = File.open(File.join(dir, 'wal.log'), File::RDWR | File::CREAT | File::APPEND, 0o644)
    @wal.binmode
    @wal_bytes = replay
  end

  def get(key)
    @lock.synchronize { @entries[key]&.dup }
  end

  # if_version: nil for an unconditional write, 0 for "only if absent".
  def put(key, value, if_version = nil)
    @lock.synchronize do
      current = @entries.dig(key, 'version') || 0
      raise Conflict, current if !if_version.nil? && if_version != current

      append('op' => 'put', 'key' => key, 'value' => value, 'version' => current + 1)
      @entries[key].dup
    end
  end

  def delete(key)
    @lock.synchronize do
      return false unless @entries.key?(key)

      append('op' => 'delete', 'key' => key)
      true
    end
  end

  def compact
    @lock.synchronize { compact_locked }
  end

  private

  # Applies every complete record; cuts off a torn tail so the next append does not land behind it.
  def replay
    data = File.binread(File.join(@dir, 'wal.log'))
    start = 0
    while start < data.bytesize
      finish = data.index("\n".b, start)
      break if finish.nil? # no newline: the write was cut short and never acknowledged

      begin
        record = JSON.parse(data.byteslice(start, finish - start).force_encoding('UTF-8'))
      rescue JSON::ParserError, EncodingError
        break # garbage from a torn write: nothing after it was acknowledged either
      end
      break unless record.is_a?(Hash) && record['key']

      apply(record)
      start = finish + 1
    end
    if start < data.bytesize
      @wal.truncate(start)
      @wal.fsync
    end
    start
  end

  def apply(record)
    if record['op'] == 'put'
      @entries[record['key']] = { 'value' => record['value'], 'version' => record['version'] }
    else
      @entries.delete(record['key'])
    end
  end

  def append(record)
    line = "#{JSON.generate(record)}\n".b
    @wal.write(line)
    @wal.flush
    @wal.fdatasync # durable before the caller acknowledges it
    @wal_bytes += line.bytesize
    apply(record)
    compact_locked if @wal_bytes >= @compact_at_bytes
  end

  # Snapshot to a temporary file, fsync, rename, fsync the directory, and only then an empty log.
  def compact_locked
    tmp = File.join(@dir, 'snapshot.json.tmp')
    File.open(tmp, 'wb') do |f|
      f.write(JSON.generate('entries' => @entries))
      f.flush
      f.fsync
    end
    File.rename(tmp, File.join(@dir, 'snapshot.json'))
    File.open(@dir) { |d| d.fsync rescue nil } # a directory fsync makes the rename durable on Linux
    @wal.truncate(0)
    @wal.fsync
    @wal_bytes = 0
    @entries.size
  end
end
