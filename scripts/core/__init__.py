"""Reading the project: records, never raises (what cannot be read becomes a Problem).

Nothing here imports the site engine, the flyers' PDF library or the report libraries.
"""
