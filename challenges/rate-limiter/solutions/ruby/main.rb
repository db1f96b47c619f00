# frozen_string_literal: true

# Rate limiter reference solution in Ruby: Sinatra on WEBrick and a mutex-guarded registry of buckets.
require 'sinatra/base'
require 'json'
require_relative 'buckets'

class RateLimiter < Sinatra::Base
  KEY = /\A[A-Za-z0-9._-]{1,128}\z/
  MAX_VALUE = 1_000_000
  REGISTRY = BucketRegistry.new([10, 1.0])

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
  not_found { json(404, 'error' => 'not_found', 'message' => 'no such route') if response.body.empty? }

  helpers do
    def json(status_code, body)
      status status_code
      content_type :json
      body.to_json
    end

    def valid_key(key)
      return key if KEY.match?(key)

      raise ApiError.new(400, 'invalid_key', 'key must be 1-128 characters from A-Z, a-z, 0-9, ., _ and -')
    end

    def parse_config
      body = begin
        JSON.parse(request.body.read(16 * 1024) || '')
      rescue JSON::ParserError
        raise ApiError.new(400, 'invalid_json', 'request body must be valid JSON')
      end
      raise ApiError.new(400, 'invalid_body', 'body must be a JSON object') unless body.is_a?(Hash)

      capacity = body['capacity']
      rate = body['refillPerSecond']
      unless capacity.is_a?(Integer) && capacity.between?(1, MAX_VALUE)
        raise ApiError.new(400, 'invalid_capacity', "capacity must be an integer from 1 to #{MAX_VALUE}")
      end
      unless rate.is_a?(Numeric) && rate.positive? && rate <= MAX_VALUE
        raise ApiError.new(400, 'invalid_refill', "refillPerSecond must be a number greater than 0 and at most #{MAX_VALUE}")
      end

      [capacity, rate]
    end
  end

  get('/health') { json(200, 'status' => 'ok') }

  # Every method on any path under /api/ is the protected endpoint.
  %i[get post put delete patch].each do |verb|
    send(verb, %r{/api/.*}) do
      key = request.env['HTTP_X_API_KEY']
      raise ApiError.new(401, 'missing_api_key', 'send your key in X-API-Key') if key.nil? || key.strip.empty?

      r = REGISTRY.take(key)
      headers 'X-RateLimit-Limit' => r[:capacity].to_s, 'X-RateLimit-Remaining' => r[:remaining].to_s
      next json(200, 'ok' => true, 'key' => key) if r[:allowed]

      headers 'Retry-After' => r[:retry_after].to_s
      json(429, 'error' => 'rate_limited', 'message' => 'too many requests', 'retryAfterSeconds' => r[:retry_after])
    end
  end

  put '/keys/:key' do |key|
    capacity, rate = parse_config
    REGISTRY.configure(valid_key(key), capacity, rate)
    json(200, 'key' => key, 'capacity' => capacity, 'refillPerSecond' => rate)
  end

  get '/keys/:key' do |key|
    found = REGISTRY.get(valid_key(key)) || raise(ApiError.new(404, 'not_found', 'key has no explicit configuration'))
    json(200, { 'key' => key }.merge(found.transform_keys(&:to_s)))
  end

  delete '/keys/:key' do |key|
    raise ApiError.new(404, 'not_found', 'key has no explicit configuration') unless REGISTRY.remove(valid_key(key))

    status 204
    ''
  end

  run! if app_file == $PROGRAM_NAME
end
