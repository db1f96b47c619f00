# frozen_string_literal: true

require 'json'
require 'date'
require 'time'

# Parsing and validation of NDJSON batches; no I/O, so it can be unit-tested directly.
module Events
  ISO = /\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})\z/
  WINDOWS_MS = { 'minute' => 60_000, 'hour' => 3_600_000, 'day' => 86_400_000 }.freeze

  module_function

  # Epoch milliseconds, or nil. Time.iso8601 would roll Feb 30 over to Mar 1, so the date is checked first.
  def parse_timestamp(value)
    return nil unless value.is_a?(String) && ISO.match?(value)
    return nil unless Date.valid_date?(*value[0, 10].split('-').map(&:to_i))

    (Time.iso8601(value).to_r * 1000).floor
  rescue ArgumentError
    nil
  end

  def to_iso(ms) = Time.at(Rational(ms, 1000)).utc.strftime('%Y-%m-%dT%H:%M:%S.%LZ')

  def validate(raw)
    return [nil, 'line must be a JSON object'] unless raw.is_a?(Hash)

    id = raw['id']
    type = raw['type']
    return [nil, 'id must be a non-empty string of at most 128 characters'] unless id.is_a?(String) && id.length.between?(1, 128)
    return [nil, 'type must be a non-empty string of at most 64 characters'] unless type.is_a?(String) && type.length.between?(1, 64)

    ts = parse_timestamp(raw['timestamp'])
    return [nil, 'timestamp must be an ISO 8601 date-time with a timezone, e.g. 2024-05-01T10:00:00Z'] unless ts
    if raw.key?('value') && !(raw['value'].is_a?(Numeric) && raw['value'].to_f.finite?)
      return [nil, 'value, when present, must be a finite number']
    end

    [{ 'id' => id, 'type' => type, 'ts' => ts, 'value' => raw['value'] }, nil]
  end

  # Line numbers count every physical line, blank ones included, so they match the client's file.
  def parse_batch(text)
    events = []
    errors = []
    non_blank = 0
    text.split("\n", -1).each_with_index do |line, index|
      line = line.chomp("\r")
      next if line.strip.empty?

      non_blank += 1
      raw = begin
        JSON.parse(line)
      rescue JSON::ParserError
        errors << { 'line' => index + 1, 'reason' => 'invalid JSON' }
        next
      end
      event, reason = validate(raw)
      reason ? errors << { 'line' => index + 1, 'reason' => reason } : events << event
    end
    [events, errors, non_blank]
  end
end
