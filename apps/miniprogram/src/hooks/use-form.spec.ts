import { act, renderHook } from '@testing-library/react';
import { releaseLeadRequestSchema } from '@fenji/shared';
import { ApiError } from '../services/api-error';
import { useForm } from './use-form';

describe('useForm', () => {
  it('shows the schema’s message per field and runs nothing when the input is wrong', async () => {
    const { result } = renderHook(() => useForm(releaseLeadRequestSchema));
    const action = jest.fn();
    await act(async () => void (await result.current.submit({ reason: ' ' }, action)));
    expect(result.current.errors).toEqual({ reason: '请填写原因' });
    expect(action).not.toHaveBeenCalled();
  });

  it('runs the action once with the parsed value, blocking a second tap while busy', async () => {
    const { result } = renderHook(() => useForm(releaseLeadRequestSchema));
    let finish: () => void = () => undefined;
    const action = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    let first: Promise<boolean> = Promise.resolve(false);
    let second: Promise<boolean> = Promise.resolve(false);
    act(() => {
      first = result.current.submit({ reason: ' 暂无需求 ' }, action);
      second = result.current.submit({ reason: '暂无需求' }, action);
    });
    expect(result.current.busy).toBe(true);
    await act(async () => finish());
    await expect(first).resolves.toBe(true);
    await expect(second).resolves.toBe(false);
    expect(action).toHaveBeenCalledTimes(1);
    expect(action).toHaveBeenCalledWith({ reason: '暂无需求' });
    expect(result.current.busy).toBe(false);
  });

  it('keeps the server’s message when the action fails', async () => {
    const { result } = renderHook(() => useForm(releaseLeadRequestSchema));
    const failing = async () => {
      throw new ApiError({ statusCode: 409, code: 'NOT_LEAD_OWNER', message: '该客户已不属于你' });
    };
    await act(async () => void (await result.current.submit({ reason: '暂无需求' }, failing)));
    expect(result.current.formError).toBe('该客户已不属于你');
  });
});
