# frozen_string_literal: true

# Durable key-value store reference solution in Ruby: Sinatra on WEBrick, a write-ahead log under DATA_DIR.
require 'sinatra/base'
require 'json'
require 'webrick'
require_relative 'store'

class KvService < Sinatra::Base
  KEY = /\A[A-Za-z0-9._:-]{1,128}\z/
  MAX_VALUE_CHARS = 65_536
  STORE = KvStore.new(ENV.fetch('DATA_DIR', '.data'))

  class ApiError < StandardError
    attr_reader :status, :code, :extra

    def initialize(status, code, message, extra = {})
      super(message)
      @status = status
      @code = code
      @extra = extra
    end
  end

  set :bind, '0.0.0.0'
  set :port, Integer(ENV.fetch('PORT', '8080'))
  set :server, 'webrick'
  set :logging, false
  # WEBrick's own access log would print a line per request into the run's output.
  set :server_settings, AccessLog: [], Logger: WEBrick::Log.new(nil, WEBrick::BasicLog::WARN)
  set :show_exceptions, false
  set :raise_errors, false
  # Sinatra would print a backtrace for every ApiError (a 400 is not a server error); real 500s log below.
  set :dump_errors, false

  error(ApiError) { e = env['sinatra.error']; json(e.status, { 'error' => e.code, 'message' => e.message }.merge(e.extra)) }
  error(StandardError) do
    e = env['sinatra.error']
    warn("#{e.class}: #{e.message}\n  #{e.backtrace&.first(5)&.join("\n  ")}")
    json(500, 'error' => 'internal', 'message' => 'unexpected error')
  end
  not_found { json(404, 'error' => 'not_found', 'message' => 'no such route') }

  helpers do
    def json(status_code, body)
      status status_code
      content_type :json
      body.to_json
    end

    def key!
      key = URI.decode_www_form_component(request.path_info.delete_prefix('/kv/').gsub('+', '%2B'))
      raise ApiError.new(400, 'invalid_key', 'key must be 1-128 characters from A-Z, a-z, 0-9, . _ : -') unless key.valid_encoding? && KEY.match?(key)

      key
    rescue ArgumentError
      raise ApiError.new(400, 'invalid_key', 'key must be valid percent-encoded UTF-8')
    end

    def view(key, entry) = { 'key' => key, 'value' => entry['value'], 'version' => entry['version'] }
  end

  get('/health') { json(200, 'status' => 'ok') }

  post('/admin/compact') { json(200, 'keys' => STORE.compact) }

  get %r{/kv/[^/]*} do
    key = key!
    entry = STORE.get(key) || raise(ApiError.new(404, 'not_found', 'no such key'))
    json(200, view(key, entry))
  end

  put %r{/kv/[^/]*} do
    key = key!
    body = begin
      JSON.parse(request.body.read(1024 * 1024) || '')
    rescue JSON::ParserError
      raise ApiError.new(400, 'invalid_json', 'request body must be valid JSON')
    end
    raise ApiError.new(400, 'invalid_body', 'body must be a JSON object') unless body.is_a?(Hash)

    value = body['value']
    raise ApiError.new(400, 'invalid_value', 'value is required and must be a string') unless value.is_a?(String)
    # Characters as JavaScript counts them (UTF-16 code units), so the limit matches every client.
    raise ApiError.new(400, 'invalid_value', 'value must be at most 65536 characters') if value.encode('UTF-16LE').bytesize / 2 > MAX_VALUE_CHARS

    if_version = body['ifVersion']
    unless if_version.nil? || (if_version.is_a?(Integer) && if_version >= 0)
      raise ApiError.new(400, 'invalid_if_version', 'ifVersion must be a whole number, 0 or more')
    end

    json(200, view(key, STORE.put(key, value, if_version)))
  rescue KvStore::Conflict => e
    raise ApiError.new(409, 'version_mismatch', 'the key is not at the expected version', 'currentVersion' => e.current)
  end

  delete %r{/kv/[^/]*} do
    raise ApiError.new(404, 'not_found', 'no such key') unless STORE.delete(key!)

    status 204
    ''
  end

  run! if app_file == $PROGRAM_NAME
end
