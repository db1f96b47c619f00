# frozen_string_literal: true

# URL shortener reference solution in Ruby: Sinatra on WEBrick, an fsynced append-only log under DATA_DIR.
require 'sinatra/base'
require 'json'
require 'securerandom'
require 'time'
require 'uri'
require_relative 'store'

class Shortener < Sinatra::Base
  ALIAS = /\A[A-Za-z0-9_-]{3,32}\z/
  ISO = /\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})\z/
  RESERVED = %w[health links].freeze
  ALPHABET = [*'A'..'Z', *'a'..'z', *'0'..'9'].freeze
  STORE = LinkStore.new(ENV.fetch('DATA_DIR', '.data'))

  class ApiError < StandardError
    attr_reader :status, :code

    def initialize(status, code, message)
      super(message)
      @status = status
      @code = code
    end
  end

  set :bind, '0.0.0.0'
  set :port, Integer(ENV.fetch('PORT', '8080'))
  set :server, 'webrick'
  set :logging, false
  set :show_exceptions, false
  set :raise_errors, false

  error(ApiError) { e = env['sinatra.error']; json(e.status, 'error' => e.code, 'message' => e.message) }
  error(StandardError) { json(500, 'error' => 'internal', 'message' => 'unexpected error') }
  not_found { json(404, 'error' => 'not_found', 'message' => 'no such route') }

  helpers do
    def json(status_code, body)
      status status_code
      content_type :json
      body.to_json
    end

    def iso(time) = time.utc.strftime('%Y-%m-%dT%H:%M:%S.%LZ')

    def view(link) = link.merge('shortUrl' => "http://#{request.host_with_port}/#{link['code']}")

    def link!(code) = STORE.get(code) || raise(ApiError.new(404, 'not_found', 'no link with this code'))
  end

  get('/health') { json(200, 'status' => 'ok') }

  post '/links' do
    body = begin
      JSON.parse(request.body.read(64 * 1024) || '')
    rescue JSON::ParserError
      raise ApiError.new(400, 'invalid_json', 'request body must be valid JSON')
    end
    raise ApiError.new(400, 'invalid_body', 'body must be a JSON object') unless body.is_a?(Hash)

    now = Time.now
    link = { 'code' => nil, 'url' => valid_url(body['url']), 'createdAt' => iso(now),
             'expiresAt' => valid_expiry(body['expiresAt'], now), 'clicks' => 0, 'lastAccessedAt' => nil }
    alias_name = body['alias']
    unless alias_name.nil?
      unless alias_name.is_a?(String) && ALIAS.match?(alias_name)
        raise ApiError.new(400, 'invalid_alias', 'alias must be 3-32 characters from A-Z, a-z, 0-9, _ and -')
      end
      raise ApiError.new(409, 'alias_taken', 'alias is already in use') if RESERVED.include?(alias_name)

      begin
        return json(201, view(STORE.insert(link.merge('code' => alias_name))))
      rescue LinkStore::AliasTaken
        raise ApiError.new(409, 'alias_taken', 'alias is already in use')
      end
    end
    loop do
      return json(201, view(STORE.insert(link.merge('code' => Array.new(7) { ALPHABET.sample(random: SecureRandom) }.join))))
    rescue LinkStore::AliasTaken
      next # a generated code collided: draw another
    end
  end

  get '/links/:code' do |code|
    json(200, view(link!(code)))
  end

  get '/:code' do |code|
    link = link!(code)
    now = Time.now
    raise ApiError.new(410, 'expired', 'this link has expired') if link['expiresAt'] && Time.iso8601(link['expiresAt']) <= now

    STORE.click(code, iso(now))
    headers 'Location' => link['url'], 'Cache-Control' => 'no-store'
    status 302
  end

  private

  def valid_url(value)
    unless value.is_a?(String) && !value.empty? && value.length <= 2048
      raise ApiError.new(400, 'invalid_url', 'url is required: a string of at most 2048 characters')
    end

    uri = URI.parse(value)
    raise URI::InvalidURIError unless %w[http https].include?(uri.scheme) && uri.host && !uri.host.empty?

    value
  rescue URI::InvalidURIError
    raise ApiError.new(400, 'invalid_url', 'url must be an absolute http or https URL')
  end

  def valid_expiry(value, now)
    return nil if value.nil?

    at = value.is_a?(String) && ISO.match?(value) ? Time.iso8601(value) : nil
    raise ApiError.new(400, 'invalid_expires_at', 'expiresAt must be an ISO 8601 timestamp with a timezone') unless at
    raise ApiError.new(400, 'invalid_expires_at', 'expiresAt must be in the future') unless at > now

    iso(at)
  rescue ArgumentError
    raise ApiError.new(400, 'invalid_expires_at', 'expiresAt must be an ISO 8601 timestamp with a timezone')
  end

  run! if app_file == $PROGRAM_NAME
end
