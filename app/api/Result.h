#pragma once

#include "ApiError.h"

#include <utility>
#include <variant>

namespace fc {

// The outcome of a call or a parse: a value, or the ApiError that explains why there is none.
template <typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(ApiError error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T *operator->() const { return &std::get<T>(m_data); }

    const ApiError &error() const
    {
        static const ApiError none;
        return ok() ? none : std::get<ApiError>(m_data);
    }

private:
    std::variant<T, ApiError> m_data;
};

// For calls that answer nothing of interest (204, 200 with an empty body).
struct Done
{};

} // namespace fc
