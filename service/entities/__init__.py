"""Actors and topics: registries as data, and finding them in text (pure: no Flask, no database)."""
from .actors import ActorHit, find_actors
from .registry import ActorSpec, Registry, Resolution, Role, default_registry
from .topics import Taxonomy, TopicSpec, default_taxonomy

__all__ = ["ActorHit", "ActorSpec", "Registry", "Resolution", "Role", "Taxonomy", "TopicSpec", "default_registry",
           "default_taxonomy", "find_actors"]
