#pragma once

#include <QByteArray>
#include <QString>

namespace fc::emu {

// Appends compact JSON to a byte array. Lists of hundreds of runs are written per request, and
// building QJsonObjects for them costs several times more than writing the text directly.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out) : m_out(out) {}

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(const char *name); // UTF-8, escaped as any string is
    JsonWriter &key(QStringView name);
    JsonWriter &value(QStringView text);
    JsonWriter &value(const QString &text) { return value(QStringView(text)); }
    JsonWriter &value(qint64 number);
    JsonWriter &value(bool flag);
    JsonWriter &timeValue(qint64 ms);
    JsonWriter &raw(QByteArrayView json); // already valid JSON

    JsonWriter &field(const char *name, QStringView text) { return key(name).value(text); }
    JsonWriter &field(const char *name, const QString &text) { return key(name).value(QStringView(text)); }
    JsonWriter &field(const char *name, const char *latin1);
    JsonWriter &timeField(const char *name, qint64 ms) { return key(name).timeValue(ms); }

    static void appendEscaped(QByteArray &out, QStringView text);
    static void appendEscaped(QByteArray &out, QByteArrayView utf8);

private:
    void separate();

    QByteArray &m_out;
    bool m_needComma = false;
    bool m_afterKey = false;
};

} // namespace fc::emu
