#include "JsonWriter.h"

#include "Util.h"

namespace fc::emu {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_needComma)
        m_out.append(',');
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(const char *name)
{
    // Names are not all literals: a flow's action names are keys of its run's actions.
    separate();
    appendEscaped(m_out, QByteArrayView(name));
    m_out.append(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::key(QStringView name)
{
    separate();
    appendEscaped(m_out, name);
    m_out.append(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(QStringView text)
{
    separate();
    appendEscaped(m_out, text);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::field(const char *name, const char *latin1)
{
    key(name);
    separate();
    m_out.append('"').append(latin1).append('"');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::timeValue(qint64 ms)
{
    separate();
    m_out.append('"');
    appendIsoTime(m_out, ms);
    m_out.append('"');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::raw(QByteArrayView json)
{
    separate();
    m_out.append(json.isEmpty() ? QByteArrayView("null") : json);
    m_needComma = true;
    return *this;
}

void JsonWriter::appendEscaped(QByteArray &out, QStringView text)
{
    appendEscaped(out, QByteArrayView(text.toUtf8()));
}

void JsonWriter::appendEscaped(QByteArray &out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    // Text that needs no escape (nearly all of it) goes in whole runs, not a byte at a time.
    qsizetype plain = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        const auto u = static_cast<unsigned char>(c);
        if (c != '"' && c != '\\' && u >= 0x20)
            continue;
        out.append(utf8.sliced(plain, i - plain));
        plain = i + 1;
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else {
            switch (c) {
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                out.append("\\u00").append(hex[u >> 4]).append(hex[u & 15]);
            }
        }
    }
    out.append(utf8.sliced(plain));
    out.append('"');
}

} // namespace fc::emu
