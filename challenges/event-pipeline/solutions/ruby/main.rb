# frozen_string_literal: true

# Event pipeline reference solution in Ruby: Sinatra on WEBrick, an in-memory index and an fsynced log.
require 'sinatra/base'
require 'json'
require_relative 'events'
require_relative 'store'

class Pipeline < Sinatra::Base
  MAX_BODY_BYTES = 10 * 1024 * 1024
  STORE = EventStore.new(ENV.fetch('DATA_DIR', '.data'))

  set :bind, '0.0.0.0'
  set :port, Integer(ENV.fetch('PORT', '8080'))
  set :server, 'webrick'
  set :logging, false
  set :show_exceptions, false
  set :raise_errors, false

  error(StandardError) { json(500, 'error' => 'internal', 'message' => 'unexpected error') }
  not_found { json(404, 'error' => 'not_found', 'message' => 'no such route') if response.body.empty? }

  helpers do
    def json(status_code, body)
      status status_code
      content_type :json
      body.to_json
    end
  end

  get('/health') { json(200, 'status' => 'ok') }

  post '/events' do
    text = request.body.read(MAX_BODY_BYTES + 1) || ''
    halt json(413, 'error' => 'payload_too_large', 'message' => 'batches are limited to 10 MB') if text.bytesize > MAX_BODY_BYTES

    events, errors, non_blank = Events.parse_batch(text.force_encoding('UTF-8').scrub)
    halt json(400, 'error' => 'empty_batch', 'message' => 'the body contains no event lines') if non_blank.zero?

    accepted = STORE.insert_new(events)
    json(200, 'accepted' => accepted, 'duplicates' => events.size - accepted, 'rejected' => errors.size, 'errors' => errors)
  end

  get '/events/:id' do |id|
    event = STORE.get(id)
    halt json(404, 'error' => 'not_found', 'message' => 'no event with this id') unless event

    json(200, 'id' => event['id'], 'type' => event['type'], 'timestamp' => Events.to_iso(event['ts']), 'value' => event['value'])
  end

  get '/aggregates' do
    window = Events::WINDOWS_MS[params['window']]
    halt json(400, 'error' => 'invalid_window', 'message' => 'window must be minute, hour or day') unless window

    from = Events.parse_timestamp(params['from'])
    to = Events.parse_timestamp(params['to'])
    halt json(400, 'error' => 'invalid_range', 'message' => 'from and to are required ISO 8601 date-times with a timezone') unless from && to
    halt json(400, 'error' => 'invalid_range', 'message' => 'from must be before to') unless from < to

    type = params['type']
    body = { 'window' => params['window'], 'from' => Events.to_iso(from), 'to' => Events.to_iso(to) }
    body['type'] = type if type
    body['buckets'] = STORE.aggregate(window, from, to, type).map do |start, t, count, sum|
      { 'start' => Events.to_iso(start), 'type' => t, 'count' => count, 'sum' => sum.is_a?(Float) && sum == sum.floor ? sum.to_i : sum }
    end
    json(200, body)
  end

  run! if app_file == $PROGRAM_NAME
end
