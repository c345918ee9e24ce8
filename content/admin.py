from django.contrib import admin, messages

from content.importer.sources import sources_delete
from content.models import ExamNote, Section, Service, Source, Topic
from content.search import vocabulary_rebuild


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "category", "domains"]
    list_filter = ["category"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["title", "service", "position"]
    list_filter = ["service"]
    search_fields = ["title", "key"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "service", "topic", "source", "line_start", "line_end", "flags"]
    list_filter = ["service", "source"]
    search_fields = ["title", "body"]
    list_select_related = ["service", "topic", "source"]
    raw_id_fields = ["topic"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["identity", "format", "section_count", "exam_note_count", "imported_at"]
    list_filter = ["collection", "format"]
    search_fields = ["path", "name", "location"]
    readonly_fields = [field.name for field in Source._meta.fields]
    actions = ["remove"]

    @admin.action(description="Remove selected sources and their sections")
    def remove(self, request, queryset):
        """The same as `import_notes --remove`; a later import of the file brings it back."""
        reports = sources_delete({source.pk: source for source in queryset})
        vocabulary_rebuild()
        self.message_user(request, f"Removed {len(reports)} sources.", messages.SUCCESS)


@admin.register(ExamNote)
class ExamNoteAdmin(admin.ModelAdmin):
    list_display = ["kind", "text", "service", "source", "line_start"]
    list_filter = ["kind", "service"]
    search_fields = ["text"]
    list_select_related = ["service", "source"]
    raw_id_fields = ["section"]
